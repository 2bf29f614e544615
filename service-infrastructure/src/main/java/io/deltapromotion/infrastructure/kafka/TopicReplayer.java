package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from the beginning to the end they had when the replay started, the way Kafka Connect
 * rebuilds its config store: state derived from a log is complete only once the log was read to its
 * end. No consumer group is used and nothing is committed. A record that cannot be decoded, or that the
 * handler rejects, is logged and skipped (it stays on the topic for anyone to inspect), so one bad
 * record cannot keep a service from starting; a topic that does not exist is an error.
 */
public final class TopicReplayer {

  private static final Logger log = LoggerFactory.getLogger(TopicReplayer.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerConfig;
  private final Duration timeout;

  /**
   * @param consumerConfig Kafka client settings (bootstrap servers, security, schema registry); group,
   *     offset and deserializer settings in it are overridden
   * @param timeout how long a replay may take before it fails
   */
  public TopicReplayer(Map<String, Object> consumerConfig, Duration timeout) {
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    this.timeout = timeout;
  }

  /**
   * Hands every record of the topics to the handler, partition by partition in offset order, and
   * returns how many it handed over.
   */
  public <V> long replay(List<String> topics, Deserializer<V> valueDeserializer, Consumer<ConsumerRecord<String, V>> handler) {
    try (KafkaConsumer<String, V> consumer = consumer(valueDeserializer)) {
      return readToEnd(consumer, topics, handler, false);
    }
  }

  /**
   * Replays the topics to their end like {@link #replay}, then keeps handing new records to the handler
   * on a background thread until the returned handle is closed: state that must stay current after
   * start-up, read by every instance in full (no consumer group, so no instance sees only some
   * partitions).
   */
  public <V> AutoCloseable follow(List<String> topics, Deserializer<V> valueDeserializer,
      Consumer<ConsumerRecord<String, V>> handler) {
    KafkaConsumer<String, V> consumer = consumer(valueDeserializer);
    try {
      readToEnd(consumer, topics, handler, true);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    AtomicBoolean open = new AtomicBoolean(true);
    Thread thread = new Thread(() -> {
      try (consumer) {
        while (open.get()) {
          poll(consumer, handler, Map.of());
        }
      } catch (WakeupException e) {
        log.debug("Stopped following {}", topics);
      } catch (RuntimeException e) {
        log.error("Following {} failed; state derived from them is no longer updated", topics, e);
      }
    }, "follow-" + String.join("+", topics));
    thread.setDaemon(true);
    thread.start();
    return () -> {
      open.set(false);
      consumer.wakeup();
      thread.join(Duration.ofSeconds(10).toMillis());
    };
  }

  private <V> KafkaConsumer<String, V> consumer(Deserializer<V> valueDeserializer) {
    Properties properties = new Properties();
    properties.putAll(consumerConfig);
    return new KafkaConsumer<>(properties, new StringDeserializer(), valueDeserializer);
  }

  /** @param alsoNewer hand over records written after the read started too (they would be lost otherwise) */
  private <V> long readToEnd(KafkaConsumer<String, V> consumer, List<String> topics,
      Consumer<ConsumerRecord<String, V>> handler, boolean alsoNewer) {
    List<TopicPartition> partitions = topics.stream().flatMap(topic -> partitionsOf(consumer, topic).stream()).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Instant deadline = Instant.now().plus(timeout);
    long count = 0;
    while (!reachedEnd(consumer, end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("replaying " + topics + " took longer than " + timeout.toSeconds() + " s");
      }
      count += poll(consumer, handler, alsoNewer ? Map.of() : end);
    }
    log.info("Replayed {} record(s) of {} to the end", count, topics);
    return count;
  }

  /** One poll; records at or beyond {@code end} (where given) are left for later. */
  private static <V> long poll(KafkaConsumer<String, V> consumer, Consumer<ConsumerRecord<String, V>> handler,
      Map<TopicPartition, Long> end) {
    long count = 0;
    try {
      for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
        Long limit = end.get(new TopicPartition(record.topic(), record.partition()));
        if (limit == null || record.offset() < limit) {
          count += handle(handler, record);
        }
      }
    } catch (RecordDeserializationException e) {
      log.warn("Skipping record {}/{}: {}", e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
    return count;
  }

  private static <V> int handle(Consumer<ConsumerRecord<String, V>> handler, ConsumerRecord<String, V> record) {
    try {
      handler.accept(record);
      return 1;
    } catch (RuntimeException e) {
      log.warn("Skipping record {}/{}/{} (key {}) while replaying: {}", record.topic(), record.partition(),
          record.offset(), record.key(), e.getMessage());
      return 0;
    }
  }

  private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist; it must be created before it is replayed");
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }
}
