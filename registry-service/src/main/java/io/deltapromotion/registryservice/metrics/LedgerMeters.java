package io.deltapromotion.registryservice.metrics;

import io.deltapromotion.registryservice.domain.LedgerNotReplayedException;
import io.deltapromotion.registryservice.domain.LedgerStatistics;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The promotion log's figures as meters, counted from the ledger every {@link #REFRESH}: outcomes by
 * stage and status ({@value #PROMOTIONS}), lead time from pre-prod commit to each stage
 * ({@value #LEAD_TIME}), approvals waiting and the oldest one's age per stage ({@value #APPROVALS_WAITING},
 * {@value #OLDEST_APPROVAL}). Counted from the log, not from what this instance saw happen, so every
 * instance says the same and a restart does not reset the counters: the meters appear once the log was
 * read to its end, with its whole count.
 */
@Component
class LedgerMeters implements AutoCloseable {

  static final String PROMOTIONS = "deltapromotion.promotions";
  static final String LEAD_TIME = "deltapromotion.promotion.lead.time";
  static final String APPROVALS_WAITING = "deltapromotion.approvals.waiting";
  static final String OLDEST_APPROVAL = "deltapromotion.approvals.oldest.wait";
  static final Duration REFRESH = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(LedgerMeters.class);

  private final PromotionLedger ledger;
  private final MeterRegistry meters;
  private final Clock clock;
  private final AtomicReference<LedgerStatistics> latest = new AtomicReference<>();
  private final Set<Object> registered = new HashSet<>();
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "ledger-meters");
    thread.setDaemon(true);
    return thread;
  });

  LedgerMeters(PromotionLedger ledger, MeterRegistry meters, Clock clock) {
    this.ledger = ledger;
    this.meters = meters;
    this.clock = clock;
    refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized void refresh() {
    LedgerStatistics statistics;
    try {
      statistics = ledger.asOf(clock.instant()).statistics();
    } catch (LedgerNotReplayedException e) {
      return;
    } catch (RuntimeException e) {
      log.warn("could not count the ledger for its meters: {}", e.toString());
      return;
    }
    latest.set(statistics);
    statistics.outcomes().keySet().forEach(this::registerOutcome);
    statistics.leadTimes().keySet().forEach(this::registerLeadTime);
    statistics.approvals().keySet().forEach(this::registerApprovals);
  }

  private void registerOutcome(LedgerStatistics.StageStatus key) {
    if (registered.add(key)) {
      FunctionCounter.builder(PROMOTIONS, latest, ref -> ref.get().outcomes().getOrDefault(key, 0L))
          .description("Final outcomes of promotions in the log, by stage and outcome")
          .tag("stage", key.stage()).tag("outcome", key.status()).register(meters);
    }
  }

  private void registerLeadTime(String stage) {
    if (registered.add(new LeadTimeOf(stage))) {
      FunctionTimer.builder(LEAD_TIME, latest, ref -> leadTimes(ref, stage).count(),
              ref -> leadTimes(ref, stage).total().toMillis(), TimeUnit.MILLISECONDS)
          .description("Time from a version's pre-prod commit to its clone into the stage")
          .tag("stage", stage).register(meters);
    }
  }

  private void registerApprovals(String stage) {
    if (registered.add(new ApprovalsOf(stage))) {
      Gauge.builder(APPROVALS_WAITING, latest, ref -> backlog(ref, stage).waiting())
          .description("Hops waiting for a person's approval into the stage").tag("stage", stage).register(meters);
      Gauge.builder(OLDEST_APPROVAL, latest, ref -> backlog(ref, stage).oldestWait(clock.instant()).toMillis() / 1000.0)
          .description("How long the longest-waiting approval into the stage has waited (0 when none waits)")
          .baseUnit("seconds").tag("stage", stage).register(meters);
    }
  }

  private static LedgerStatistics.LeadTimes leadTimes(AtomicReference<LedgerStatistics> ref, String stage) {
    return ref.get().leadTimes().getOrDefault(stage, new LedgerStatistics.LeadTimes(0, Duration.ZERO));
  }

  private static LedgerStatistics.ApprovalBacklog backlog(AtomicReference<LedgerStatistics> ref, String stage) {
    Map<String, LedgerStatistics.ApprovalBacklog> approvals = ref.get().approvals();
    return approvals.getOrDefault(stage, new LedgerStatistics.ApprovalBacklog(0, null));
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }

  private record LeadTimeOf(String stage) {}

  private record ApprovalsOf(String stage) {}
}
