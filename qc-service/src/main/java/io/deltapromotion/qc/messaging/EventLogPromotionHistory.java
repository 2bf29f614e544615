package io.deltapromotion.qc.messaging;

import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.qc.domain.PromotionHistory;
import io.deltapromotion.registry.Registry;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
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
 * which announcements already have their report, so an announcement delivered again (a crash before its
 * offset was committed, the consumer group's offsets deleted) is not audited and reported twice.
 */
@Component
class EventLogPromotionHistory implements PromotionHistory, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLogPromotionHistory.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final Registry registry = new Registry();
  private final Set<String> reportedAnnouncements = ConcurrentHashMap.newKeySet();
  private AutoCloseable following;

  EventLogPromotionHistory(TopicReplayer replayer, KafkaProperties kafka) {
    this.replayer = replayer;
    this.kafka = kafka;
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

  /** A report this service just published, before the event log brings it back. */
  void reported(QcCompleted report) {
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
