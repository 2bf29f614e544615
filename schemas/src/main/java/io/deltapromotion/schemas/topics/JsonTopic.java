package io.deltapromotion.schemas.topics;

import java.util.Map;
import java.util.Objects;

/**
 * A topic of JSON documents for consumers outside the system, in a format someone else specifies (not our
 * Avro events: no schema registry, no envelope), written by one service.
 *
 * @param name the topic name
 * @param format what each record's value is, for people: the specification it follows
 * @param access the one service that writes it, and who reads it
 * @param partitions partitions to create it with
 * @param configs broker-side topic configuration it must have
 */
public record JsonTopic(String name, String format, TopicAccess access, int partitions, Map<String, String> configs) {

  public JsonTopic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(access, "access");
    if (!access.otherWriters().isEmpty()) {
      throw new IllegalArgumentException("only " + access.owner().id() + " writes " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    configs = Map.copyOf(configs);
  }
}
