package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.promoter.config.CloneHealthProperties;
import io.deltapromotion.promoter.config.LadderProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates the ladder of the tables this instance owns on a schedule, so gates that become true with
 * no new event (a soak time that ends) release their promotions, orders the next phase of the releases it
 * coordinates as their tables' owners answer, and checks that their stage tables still
 * read (on a second thread, so a long check does not delay re-evaluation; both lock each table they work
 * on). Starts after the promotion log was read to its end ({@link TopicFollower}); a table counts
 * as owned only once its partition was assigned and caught up.
 */
@Component
class LadderSchedule extends ReplayThenSchedule {

  private static final Logger log = LoggerFactory.getLogger(LadderSchedule.class);
  private static final String HEALTH_CHECK = "clone health check";
  private static final String REEVALUATION = "ladder re-evaluation";
  private static final String COORDINATION = "release coordination";
  /** How often the releases this instance coordinates are asked for their next phase: each phase waits this long at most. */
  private static final Duration COORDINATE_EVERY = Duration.ofSeconds(1);
  private static final Duration HEALTH_RETRY = Duration.ofMinutes(1);
  private static final Duration UNTIL_OWNING = Duration.ofSeconds(5);

  private final LadderDriver driver;
  private final ReleaseCoordination releases;
  private final Duration every;
  private final CloneHealthProperties health;
  private final OutageMonitor monitor;
  private final PartitionOwnership ownership;

  LadderSchedule(LadderDriver driver, ReleaseCoordination releases, LadderProperties properties,
      CloneHealthProperties health, OutageMonitor monitor, PartitionOwnership ownership) {
    super("ladder-schedule", 3);
    this.driver = driver;
    this.releases = releases;
    this.every = properties.reevaluateEvery();
    this.health = health;
    this.monitor = monitor;
    this.ownership = ownership;
  }

  @Override
  protected void begin() {
    scheduleRepeatedly(this::reevaluate, every);
    scheduleRepeatedly(this::coordinateReleases, COORDINATE_EVERY);
    if (health.enabled()) {
      scheduleRepeatedly(this::checkHealth, health.every());
    }
  }

  /** Nothing: {@link TopicFollower} read the log before this starts, and keeps reading it. */
  @Override
  protected void replay() {
    log.info("Re-evaluating the ladder of this instance's tables every {}", every);
  }

  /**
   * Checks every stage table. A check cut short by an outage (a warehouse that does not answer says
   * nothing about the tables) is reported as one and tried again a minute later, not an hour.
   */
  private void checkHealth() {
    if (ownership.owned().isEmpty()) {
      // Before the group assigned this instance any table (at start-up): check as soon as it has some.
      schedule(this::checkHealth, UNTIL_OWNING);
      return;
    }
    try {
      driver.checkHealth();
      monitor.succeeded(HEALTH_CHECK);
    } catch (RuntimeException e) {
      monitor.failed(HEALTH_CHECK, Failures.classify(e));
      log.warn("The clone health check was cut short ({}); trying again in {}", e.getMessage(), HEALTH_RETRY);
      schedule(this::checkHealth, HEALTH_RETRY);
    }
  }

  private void coordinateReleases() {
    monitored(COORDINATION, releases::coordinate, COORDINATE_EVERY);
  }

  private void reevaluate() {
    monitored(REEVALUATION, driver::settle, every);
  }

  /** Runs the work, reporting to the outage monitor whether it went through; it runs again after {@code every}. */
  private void monitored(String work, Runnable task, Duration every) {
    try {
      task.run();
      monitor.succeeded(work);
    } catch (RuntimeException e) {
      monitor.failed(work, Failures.classify(e));
      log.warn("The {} was cut short ({}); trying again in {}", work, e.getMessage(), every);
    }
  }
}
