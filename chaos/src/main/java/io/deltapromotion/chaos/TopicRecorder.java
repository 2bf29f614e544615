package io.deltapromotion.chaos;

import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything the services published, as a read_committed consumer outside them sees it: the event topics
 * decoded, the dead-letter topics as they are. It keeps reading through outages (it simply waits), so at
 * any time it holds what is on the topics, which is what the suite judges.
 */
final class TopicRecorder implements AutoCloseable {

  /** One record as read. */
  record Seen(String topic, int partition, long offset, Instant at, String key, Object event, Map<String, String> headers) {

    boolean isDeadLetter() {
      return event == null;
    }
  }

  private static final Set<String> DEAD_LETTER_TOPICS = Set.of(EventTopics.deadLetterTopicNames());

  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroRecordDeserializer decoder = new AvroRecordDeserializer();
  private final List<Seen> seen = new ArrayList<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Thread thread;

  /** @param client bootstrap servers and the credentials of a principal that may read every topic */
  TopicRecorder(Map<String, Object> client, String registryUrl) {
    decoder.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
    Map<String, Object> config = new HashMap<>(client);
    config.putAll(Map.of("isolation.level", "read_committed", "enable.auto.commit", false, "auto.offset.reset", "earliest",
        "group.id", "chaos-recorder-" + System.nanoTime()));
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<String> topics = Stream.concat(Stream.of(EventTopics.PIPELINE_COMMITTED.name(), EventTopics.TABLE_CHANGED.name(),
        EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name(), EventTopics.OPERATOR_COMMANDS.name(),
        EventTopics.ALERTS_SENT.name()), DEAD_LETTER_TOPICS.stream()).toList();
    consumer.subscribe(topics);
    thread = new Thread(this::read, "chaos-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  /** What was read so far. */
  List<Seen> all() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  private void read() {
    try {
      while (open.get()) {
        try {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (!keep(record)) {
              consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
              Pause.of(Duration.ofSeconds(2));
              break;
            }
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException brokerAway) {
          Pause.of(Duration.ofSeconds(2));
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** Keeps the record; false when it cannot be decoded yet (the registry is down), to be read again. */
  private boolean keep(ConsumerRecord<String, byte[]> record) {
    Object event = null;
    if (!DEAD_LETTER_TOPICS.contains(record.topic())) {
      try {
        event = decoder.deserialize(record.topic(), record.value());
      } catch (RuntimeException notYet) {
        return false;
      }
    }
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    synchronized (seen) {
      seen.add(new Seen(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
          record.key(), event, headers));
    }
    return true;
  }

  /** A dead letter's reason header. */
  static String reason(Seen letter) {
    return letter.headers().getOrDefault(DeadLetterTopic.REASON_HEADER, "");
  }

  @Override
  public void close() throws InterruptedException {
    open.set(false);
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
