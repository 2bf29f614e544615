package io.deltapromotion.cli;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, as operators see it.
 *
 * @param location where it is: {@code topic/partition/offset} of the dead-letter topic
 * @param origin where it was read from ({@code topic/partition/offset}), or {@code warehouse:<schema>}
 *     for a table found in the warehouse, which has no event to send back
 * @param redriven whether it was sent back to its origin already
 */
record DeadLetter(String location, String service, String origin, String key, String reason, String errorClass,
    Instant at, int valueBytes, boolean redriven) {

  private static final Pattern TOPIC_LOCATION = Pattern.compile("(.+)/(\\d+)/(\\d+)");

  static DeadLetter of(ConsumerRecord<byte[], byte[]> record, boolean redriven) {
    return new DeadLetter(locationOf(record), header(record, DeadLetterTopic.SERVICE_HEADER),
        header(record, DeadLetterTopic.ORIGIN_HEADER), record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        header(record, DeadLetterTopic.REASON_HEADER), header(record, DeadLetterTopic.ERROR_CLASS_HEADER),
        Instant.ofEpochMilli(record.timestamp()), record.value() == null ? 0 : record.value().length, redriven);
  }

  static String locationOf(ConsumerRecord<?, ?> record) {
    return record.topic() + "/" + record.partition() + "/" + record.offset();
  }

  /** Whether it can be sent back: it was read from a topic, and has not been sent back yet. */
  boolean redrivable() {
    return originAt().isPresent() && !redriven;
  }

  /** The topic, partition and offset it was read from; empty when it was not read from a topic. */
  Optional<TopicLocation> originAt() {
    return TopicLocation.parse(origin);
  }

  /** A place in a topic: {@code topic/partition/offset}. */
  record TopicLocation(String topic, int partition, long offset) {

    static Optional<TopicLocation> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      Matcher matcher = TOPIC_LOCATION.matcher(text);
      return matcher.matches() ? Optional.of(new TopicLocation(matcher.group(1), Integer.parseInt(matcher.group(2)),
          Long.parseLong(matcher.group(3)))) : Optional.empty();
    }

    @Override
    public String toString() {
      return topic + "/" + partition + "/" + offset;
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
