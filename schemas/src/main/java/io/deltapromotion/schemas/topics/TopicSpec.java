package io.deltapromotion.schemas.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic, declared once: its name, what its keys and values hold, who writes it and how the broker
 * must keep it.
 *
 * @param name the topic name
 * @param key what the record keys hold
 * @param valueType the generated Avro class of the record values
 * @param access who may write it (its owner, and rarely others) and who reads it: what the broker's ACLs grant
 * @param partitions partitions to create the topic with
 * @param configs broker-side topic configuration the topic must have
 */
public record TopicSpec<V extends SpecificRecord>(
    String name, TopicKey key, Class<V> valueType, TopicAccess access, int partitions, Map<String, String> configs) {

  /** Kafka's own configuration keys used in {@link #configs()}. */
  public static final String CLEANUP_POLICY = "cleanup.policy";
  public static final String RETENTION_MS = "retention.ms";
  public static final String RETENTION_BYTES = "retention.bytes";

  /**
   * Event topics are history: every event is kept forever and never compacted away, because the
   * registry is rebuilt by replaying them from the beginning.
   */
  public static final Map<String, String> HISTORY = Map.of(
      CLEANUP_POLICY, "delete",
      RETENTION_MS, "-1",
      RETENTION_BYTES, "-1");

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(access, "access");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    configs = Map.copyOf(configs);
  }

  /** The principal id of the topic's owner, the one whose decisions its events are. */
  public String writer() {
    return access.owner().id();
  }

  /** The schema registry subject of the values (Confluent's TopicNameStrategy). */
  public String valueSubject() {
    return name + "-value";
  }

  /** The value schema of this topic, as registered under {@link #valueSubject()}. */
  public Schema valueSchema() {
    return SpecificData.get().getSchema(valueType);
  }
}
