package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.kafka.Following;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one path into the {@link PromotionLog}: the QC reports, the PromotionDone outcomes and the operators'
 * commands, every partition, read from the beginning before anything else starts and then followed for as
 * long as the service runs (committed transactions only). Every instance folds the whole log, so each
 * answers queries and checks commands about any table; only a table's owner decides for it. What the
 * promoter publishes it does not apply itself: it waits until the log was read back ({@link #awaitReadBack}),
 * and a partition newly assigned to it counts as owned only once the log was read to that partition's end
 * ({@link #catchUp}), so the new owner knows everything the old one published.
 */
@Component
class PromotionLogFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PromotionLogFollower.class);
  static final List<String> TOPICS = List.of(EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name(),
      EventTopics.OPERATOR_COMMANDS.name());

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final PromotionLog promotionLog;
  private final Duration timeout;
  private AvroRecordDeserializer deserializer;
  private Following following;

  PromotionLogFollower(TopicReplayer replayer, KafkaProperties kafka, PromotionLog promotionLog,
      EventStreamsProperties properties) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.promotionLog = promotionLog;
    this.timeout = properties.replayTimeout();
  }

  @Override
  public synchronized void start() {
    deserializer = new AvroRecordDeserializer();
    deserializer.configure(kafka.buildConsumerProperties(), false);
    following = replayer.follow(TOPICS, deserializer, record -> LogEntries.of(record.value()).ifPresent(promotionLog::apply));
    log.info("Read {} finished promotion step(s); following {}", promotionLog.finalHopCount(), TOPICS);
  }

  /** Waits until the events published were folded into the log. */
  void awaitReadBack(List<RecordMetadata> written) {
    following().awaitReadBack(written.stream()
        .filter(record -> TOPICS.contains(record.topic())).toList(), timeout);
  }

  /** Waits until the consumed record (and everything before it in its partition) was folded into the log. */
  void awaitFolded(ConsumerRecord<?, ?> record) {
    following().awaitPositions(Map.of(new TopicPartition(record.topic(), record.partition()), record.offset() + 1), timeout);
  }

  /**
   * Reads the log to the end of the given partition numbers of every topic it follows, as they stand now
   * (their last stable offsets: what was committed), before their tables are decided by this instance.
   */
  void catchUp(Set<Integer> partitions, Consumer<?, ?> consumer) {
    List<TopicPartition> ends = new ArrayList<>();
    for (String topic : TOPICS) {
      partitions.forEach(partition -> ends.add(new TopicPartition(topic, partition)));
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(ends, timeout);
    following().awaitPositions(end, timeout);
  }

  private synchronized Following following() {
    if (following == null) {
      throw new IllegalStateException("the promotion log is not being read yet");
    }
    return following;
  }

  @Override
  public synchronized void stop() {
    if (following != null) {
      try {
        following.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deserializer.close();
      following = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return following != null;
  }

  /** After the publisher (which fences earlier transactions), before the schedule and the listeners. */
  @Override
  public int getPhase() {
    return ReplayThenSchedule.PHASE - 10;
  }
}
