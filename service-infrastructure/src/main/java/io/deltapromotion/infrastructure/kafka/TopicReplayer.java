package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
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
    Properties properties = new Properties();
    properties.putAll(consumerConfig);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), valueDeserializer)) {
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
        try {
          for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
            if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
              count += handle(handler, record);
            }
          }
        } catch (RecordDeserializationException e) {
          log.warn("Skipping record {}/{} while replaying: {}", e.topicPartition(), e.offset(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
      log.info("Replayed {} record(s) of {} to the end", count, topics);
      return count;
    }
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
