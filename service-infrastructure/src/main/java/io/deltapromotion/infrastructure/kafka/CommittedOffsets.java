package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads, as a read_committed consumer does, whether the event written at an offset is visible: it is
 * when that offset is returned, it is not when the consumer's position passes it without returning it
 * (its transaction was aborted). Asked only once the transaction is settled (fenced), so the position
 * does pass it.
 */
final class CommittedOffsets implements EventPublisher.TransactionOutcome {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Map<String, Object> consumerConfig;

  CommittedOffsets(Map<String, Object> consumerConfig) {
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  @Override
  public boolean committed(RecordMetadata written) {
    TopicPartition partition = new TopicPartition(written.topic(), written.partition());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, written.offset());
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() == written.offset()) {
            return true;
          }
        }
        if (consumer.position(partition) > written.offset()) {
          return false;
        }
      }
      throw new TimeoutException("could not read " + partition + " past offset " + written.offset() + " within "
          + WAIT.toSeconds() + " s");
    }
  }
}
