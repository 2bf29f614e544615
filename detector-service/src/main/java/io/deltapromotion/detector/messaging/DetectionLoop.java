package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeCategory;
import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.CycleOutcome;
import io.deltapromotion.detector.domain.PollSchedule;
import io.deltapromotion.detector.domain.RefusedTables;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Starts detecting only once the TableChanged topic was replayed to its end, so a restarted detector
 * knows every version it already announced and announces none twice (and its dead-letter topic, so a
 * table skipped for its name is reported once); then runs detection cycles one at
 * a time, paced by the {@link PollSchedule} (interval, jitter, backoff after warehouse failures). Starts
 * before the listener containers, so no pipeline event is handled before the replay either.
 */
@Component
class DetectionLoop extends ReplayThenSchedule {

  private static final Logger log = LoggerFactory.getLogger(DetectionLoop.class);
  private static final String WORK = "detection cycle";

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final AnnouncedVersions announced;
  private final ChangeDetector detector;
  private final DetectorProperties properties;
  private final PollSchedule pollSchedule;
  private final RefusedTables refused;
  private final OutageMonitor monitor;

  DetectionLoop(TopicReplayer replayer, KafkaProperties kafka, AnnouncedVersions announced, ChangeDetector detector,
      DetectorProperties properties, PollSchedule schedule, RefusedTables refused, OutageMonitor monitor) {
    super("detection-cycle");
    this.replayer = replayer;
    this.kafka = kafka;
    this.announced = announced;
    this.detector = detector;
    this.properties = properties;
    this.pollSchedule = schedule;
    this.refused = refused;
    this.monitor = monitor;
  }

  @Override
  protected void begin() {
    schedule(this::cycle, pollSchedule.first());
    log.info("Detecting every {} (±{}%) on {} watch entr(ies)", properties.pollInterval(),
        Math.round(properties.pollJitter() * 100), properties.watch().size());
  }

  @Override
  protected void replay() {
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(kafka.buildConsumerProperties(), false);
      replayer.replay(List.of(EventTopics.TABLE_CHANGED.name()), deserializer, record -> {
        if (record.value() instanceof TableChanged event) {
          announced.record(TableName.parse(event.getSourceTable()), event.getSourceVersion(), event.getCommitTime(),
              category(event.getChangeCategory()));
        }
      });
    }
    replayer.replay(List.of(EventTopics.DETECTOR_DEAD_LETTER.name()), new ByteArrayDeserializer(),
        record -> SkippedTableReports.read(record).ifPresent(table -> refused.record(table.schema(), table.name())));
    log.info("Replayed the announcements of {} table(s)", announced.size());
  }

  /** The domain category; null for a category this build does not know (UNKNOWN). */
  private static ChangeCategory category(io.deltapromotion.events.ChangeCategory category) {
    return category == io.deltapromotion.events.ChangeCategory.UNKNOWN ? null : ChangeCategory.valueOf(category.name());
  }

  /** One cycle, then the next after the pause the schedule says; an outage shows in health meanwhile. */
  private void cycle() {
    CycleOutcome outcome;
    try {
      outcome = detector.runCycle();
      if (outcome.outage() != null) {
        monitor.failed(WORK, new Failure(Failure.Kind.OUTAGE, Dependency.WAREHOUSE, outcome.outage()));
      } else {
        monitor.succeeded(WORK);
      }
    } catch (RuntimeException e) {
      Failure failure = Failures.classify(e);
      monitor.failed(WORK, failure);
      log.warn("Detection cycle cut short: {}", failure.reason());
      outcome = new CycleOutcome(List.of(), 1, failure.reason());
    }
    Duration pause = pollSchedule.after(outcome);
    if (outcome.failedReads() > 0) {
      log.warn("{} warehouse read(s) failed this cycle{}; next cycle in {}", outcome.failedReads(),
          outcome.outage() == null ? "" : " (" + outcome.outage() + ")", pause);
    }
    schedule(this::cycle, pause);
  }
}
