package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.CycleOutcome;
import io.deltapromotion.detector.domain.PollSchedule;
import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts detecting only once the TableChanged topic and the detector's dead-letter topic were read to
 * their ends (by their followers, {@link OwnedTablesConfiguration}), so a restarted detector knows every
 * version already announced and every table already reported as skipped, and repeats none; then runs
 * detection cycles one at a time over the tables this instance owns, paced by the {@link PollSchedule}
 * (interval, jitter, backoff after warehouse failures).
 */
@Component
class DetectionLoop extends ReplayThenSchedule {

  private static final Logger log = LoggerFactory.getLogger(DetectionLoop.class);
  private static final String WORK = "detection cycle";

  private final ChangeDetector detector;
  private final DetectorProperties properties;
  private final PollSchedule pollSchedule;
  private final OutageMonitor monitor;

  DetectionLoop(ChangeDetector detector, DetectorProperties properties, PollSchedule schedule, OutageMonitor monitor) {
    super("detection-cycle");
    this.detector = detector;
    this.properties = properties;
    this.pollSchedule = schedule;
    this.monitor = monitor;
  }

  @Override
  protected void begin() {
    schedule(this::cycle, pollSchedule.first());
    log.info("Detecting every {} (±{}%) on {} watch entr(ies)", properties.pollInterval(),
        Math.round(properties.pollJitter() * 100), properties.watch().size());
  }

  /** Nothing: the announcements and the skip reports are read by their followers before this starts. */
  @Override
  protected void replay() {}

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
