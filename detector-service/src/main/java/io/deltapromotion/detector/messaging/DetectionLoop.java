package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeCategory;
import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts detecting only once the TableChanged topic was replayed to its end, so a restarted detector
 * knows every version it already announced and announces none twice; then runs a detection cycle every
 * poll interval, one at a time.
 */
@Component
class DetectionLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DetectionLoop.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final AnnouncedVersions announced;
  private final ChangeDetector detector;
  private final DetectorProperties properties;
  private ScheduledExecutorService scheduler;

  DetectionLoop(TopicReplayer replayer, KafkaProperties kafka, AnnouncedVersions announced, ChangeDetector detector,
      DetectorProperties properties) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.announced = announced;
    this.detector = detector;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    replayAnnouncements();
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "detection-cycle"));
    scheduler.scheduleWithFixedDelay(this::cycle, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    log.info("Detecting every {} on {} watch entr(ies)", properties.pollInterval(), properties.watch().size());
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void replayAnnouncements() {
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(kafka.buildConsumerProperties(), false);
      replayer.replay(List.of(EventTopics.TABLE_CHANGED.name()), deserializer, record -> {
        if (record.value() instanceof TableChanged event) {
          announced.record(TableName.parse(event.getSourceTable()), event.getSourceVersion(), event.getCommitTime(),
              category(event.getChangeCategory()));
        }
      });
    }
    log.info("Replayed the announcements of {} table(s)", announced.size());
  }

  /** The domain category; null for a category this build does not know (UNKNOWN). */
  private static ChangeCategory category(io.deltapromotion.events.ChangeCategory category) {
    return category == io.deltapromotion.events.ChangeCategory.UNKNOWN ? null : ChangeCategory.valueOf(category.name());
  }

  private void cycle() {
    try {
      detector.runCycle();
    } catch (RuntimeException e) {
      log.error("Detection cycle failed; trying again in {}", properties.pollInterval(), e);
    }
  }
}
