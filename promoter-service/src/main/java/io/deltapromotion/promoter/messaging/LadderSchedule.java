package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.promoter.config.CloneHealthProperties;
import io.deltapromotion.promoter.config.LadderProperties;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Before any listener starts, replays the PromotionDone, QcCompleted and OperatorCommand topics to their
 * end into the promotion log, so a restarted promoter knows every hop already decided and publishes none twice
 * (approvals and rejections are folded in; promote and rollback orders are not: their outcomes are).
 * Then re-evaluates the ladder on a schedule, so gates that become true with no new event (a soak time
 * that ends) release their promotions, and checks that every stage's table still reads (on a second
 * thread, so a long check does not delay re-evaluation; both lock each table they work on).
 */
@Component
class LadderSchedule extends ReplayThenSchedule {

  private static final Logger log = LoggerFactory.getLogger(LadderSchedule.class);
  private static final String HEALTH_CHECK = "clone health check";
  private static final String REEVALUATION = "ladder re-evaluation";
  private static final Duration HEALTH_RETRY = Duration.ofMinutes(1);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final PromotionLog promotionLog;
  private final LadderDriver driver;
  private final Duration every;
  private final CloneHealthProperties health;
  private final OutageMonitor monitor;

  LadderSchedule(TopicReplayer replayer, KafkaProperties kafka, PromotionLog promotionLog, LadderDriver driver,
      LadderProperties properties, CloneHealthProperties health, OutageMonitor monitor) {
    super("ladder-schedule", 2);
    this.replayer = replayer;
    this.kafka = kafka;
    this.promotionLog = promotionLog;
    this.driver = driver;
    this.every = properties.reevaluateEvery();
    this.health = health;
    this.monitor = monitor;
  }

  @Override
  protected void begin() {
    scheduleRepeatedly(this::reevaluate, every);
    if (health.enabled()) {
      scheduleRepeatedly(this::checkHealth, health.every());
    }
  }

  @Override
  protected void replay() {
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(kafka.buildConsumerProperties(), false);
      replayer.replay(List.of(EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name(),
          EventTopics.OPERATOR_COMMANDS.name()), deserializer,
          record -> LogEntries.of(record.value()).ifPresent(promotionLog::apply));
    }
    log.info("Replayed {} finished promotion step(s); re-evaluating the ladder every {}", promotionLog.finalHopCount(), every);
  }

  /**
   * Checks every stage table. A check cut short by an outage (a warehouse that does not answer says
   * nothing about the tables) is reported as one and tried again a minute later, not an hour.
   */
  private void checkHealth() {
    try {
      driver.checkHealth();
      monitor.succeeded(HEALTH_CHECK);
    } catch (RuntimeException e) {
      monitor.failed(HEALTH_CHECK, Failures.classify(e));
      log.warn("The clone health check was cut short ({}); trying again in {}", e.getMessage(), HEALTH_RETRY);
      schedule(this::checkHealth, HEALTH_RETRY);
    }
  }

  private void reevaluate() {
    try {
      driver.settle();
      monitor.succeeded(REEVALUATION);
    } catch (RuntimeException e) {
      monitor.failed(REEVALUATION, Failures.classify(e));
      log.warn("Re-evaluating the ladder was cut short ({}); trying again in {}", e.getMessage(), every);
    }
  }
}
