package io.deltapromotion.schemas.topics;

import java.util.Map;
import java.util.Objects;

/**
 * A consuming service's dead-letter topic: the events it could not process, byte for byte as they were
 * read (key, value and original headers), with headers saying why (see {@link #REASON_HEADER}). Only
 * that service writes it; ops read it to find out what went wrong and to replay what was fixed.
 *
 * @param name the topic name
 * @param access the one service that writes it, and who reads it (the notifier, which alerts on it, and the
 *     operators' tools)
 * @param partitions partitions to create it with
 * @param configs broker-side topic configuration it must have (kept forever, like the event history)
 */
public record DeadLetterTopic(String name, TopicAccess access, int partitions, Map<String, String> configs) {

  /** Header: why the event could not be processed, a sentence a person can act on. */
  public static final String REASON_HEADER = "dead-letter.reason";
  /** Header: the class of the error that rejected the event. */
  public static final String ERROR_CLASS_HEADER = "dead-letter.error-class";
  /** Header: topic, partition and offset the event was read from, as {@code topic/partition/offset}. */
  public static final String ORIGIN_HEADER = "dead-letter.origin";
  /** Header: the service (consumer group) that rejected it. */
  public static final String SERVICE_HEADER = "dead-letter.service";

  public DeadLetterTopic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    if (!access.otherWriters().isEmpty()) {
      throw new IllegalArgumentException("only " + access.owner().id() + " writes its dead letters");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    configs = Map.copyOf(configs);
  }

  /** The dead-letter topic of a service: {@code delta-promotion.dead-letter.<service>}. */
  public static DeadLetterTopic of(Principal service) {
    if (!service.isService()) {
      throw new IllegalArgumentException(service.id() + " is not a service");
    }
    return new DeadLetterTopic("delta-promotion.dead-letter." + service.id(),
        TopicAccess.ownedBy(service).readBy(Principal.NOTIFIER, Principal.OPERATOR_TOOLS), 1, TopicSpec.HISTORY);
  }

  /** The same topic, also read by these principals. */
  public DeadLetterTopic alsoReadBy(Principal... readers) {
    return new DeadLetterTopic(name, access.readBy(readers), partitions, configs);
  }

  /** The service that writes it. */
  public String writer() {
    return access.owner().id();
  }
}
