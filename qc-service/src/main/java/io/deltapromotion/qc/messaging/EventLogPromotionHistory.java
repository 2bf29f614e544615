package io.deltapromotion.qc.messaging;

import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.Following;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.qc.domain.PromotionHistory;
import io.deltapromotion.registry.Registry;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The promotion history QC compares drift with: the registry fold over QcCompleted (row counts) and
 * PromotionDone (what the target holds), replayed to the end before the audit listener starts and
 * followed from then on. Every instance reads every partition, so it sees every table. It also knows
 * which announcements already have their report, so an announcement delivered again (the consumer
 * group's offsets deleted, a partition moved to another instance) is not audited and reported twice:
 * a report is read back before its audit counts as done, and a partition counts as owned only once the
 * reports were read to its end.
 */
@Component
class EventLogPromotionHistory implements PromotionHistory, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLogPromotionHistory.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final Registry registry = new Registry();
  private final Set<String> reportedAnnouncements = ConcurrentHashMap.newKeySet();
  private final Duration timeout;
  private Following following;

  EventLogPromotionHistory(TopicReplayer replayer, KafkaProperties kafka, EventStreamsProperties properties) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.timeout = properties.replayTimeout();
  }

  @Override
  public Optional<PromotedBaseline> lastPromoted(TableName source) {
    synchronized (registry) {
      return registry.lastPromoted(source.toString())
          .map(promoted -> new PromotedBaseline(promoted.version(), promoted.rowCount()));
    }
  }

  /** Whether a report on that TableChanged (by its event id) was already published. */
  boolean hasReportOn(String announcementId) {
    return reportedAnnouncements.contains(announcementId);
  }

  /**
   * Reads the reports to the end of the given partition numbers, as they stand now, before their
   * announcements are audited by this instance: the reports their previous owner published are known.
   */
  void catchUp(Set<Integer> partitions, Consumer<?, ?> consumer) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions.stream()
        .map(partition -> new TopicPartition(EventTopics.QC_COMPLETED.name(), partition)).toList(), timeout);
    following().awaitPositions(end, timeout);
  }

  /** Waits until the reports published were read back. */
  void awaitReadBack(List<RecordMetadata> written) {
    following().awaitReadBack(written, timeout);
  }

  private synchronized Following following() {
    if (following == null) {
      throw new IllegalStateException("the event log is not being followed yet");
    }
    return following;
  }

  private void reported(QcCompleted report) {
    if (report.getEnvelope().getCausationId() != null) {
      reportedAnnouncements.add(report.getEnvelope().getCausationId().toString());
    }
  }

  @Override
  public synchronized void start() {
    AvroRecordDeserializer deserializer = new AvroRecordDeserializer();
    deserializer.configure(kafka.buildConsumerProperties(), false);
    following = replayer.follow(List.of(EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name()),
        deserializer, record -> {
          synchronized (registry) {
            registry.apply(record.value());
          }
          if (record.value() instanceof QcCompleted report) {
            reported(report);
          }
        });
    log.info("Promotion history rebuilt from the event log; following it");
  }

  @Override
  public synchronized void stop() {
    if (following != null) {
      try {
        following.close();
      } catch (Exception e) {
        log.warn("Stopping to follow the event log failed: {}", e.getMessage());
      }
      following = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return following != null;
  }

  /** Before the listener containers: no audit runs on a history not yet replayed. */
  @Override
  public int getPhase() {
    return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
  }
}
