package io.deltapromotion.registryservice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerStatisticsTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final String ORDERS = "pp.orders";
  private static final String USERS = "pp.users";
  private static final StageOutcome.Wait APPROVAL = new StageOutcome.Wait("APPROVAL", "prod needs an approval", null, null);

  private final PromotionLedger ledger = new PromotionLedger();

  @BeforeEach
  void theLogWasReadToItsEnd() {
    ledger.replayed();
  }

  @Test
  void givenFinalAndWaitingOutcomes_whenCounted_thenOnlyTheFinalOnesCountByStageAndStatus() {
    ledger.record(outcome(ORDERS, "p1", "staging", "PROMOTED", 3L, 10));
    ledger.record(waiting(ORDERS, "p1", "prod", 3L, 11));
    ledger.record(outcome(ORDERS, "p1", "prod", "PROMOTED", 3L, 20));
    ledger.record(outcome(USERS, "p2", "staging", "BLOCKED", 7L, 12));
    ledger.record(outcome(USERS, "p3", "staging", "PROMOTED", 8L, 30));

    LedgerStatistics statistics = ledger.asOf(at(100)).statistics();

    assertThat(statistics.outcomes()).containsOnly(
        org.assertj.core.api.Assertions.entry(new LedgerStatistics.StageStatus("staging", "PROMOTED"), 2L),
        org.assertj.core.api.Assertions.entry(new LedgerStatistics.StageStatus("staging", "BLOCKED"), 1L),
        org.assertj.core.api.Assertions.entry(new LedgerStatistics.StageStatus("prod", "PROMOTED"), 1L));
    assertThat(ledger.asOf(at(15)).statistics().outcomes()).as("as the log stood before the clone into prod")
        .doesNotContainKey(new LedgerStatistics.StageStatus("prod", "PROMOTED"));
  }

  @Test
  void givenVersionsCommittedThenCloned_whenCounted_thenEachStagesLeadTimeRunsFromThePreprodCommitToItsClone() {
    ledger.record(announcement(ORDERS, "p1", 3L, at(5), 6));
    ledger.record(outcome(ORDERS, "p1", "staging", "PROMOTED", 3L, 15));
    ledger.record(outcome(ORDERS, "p1", "prod", "PROMOTED", 3L, 65));
    ledger.record(announcement(USERS, "p2", 8L, at(0), 1));
    ledger.record(outcome(USERS, "p2", "staging", "PROMOTED", 8L, 30));
    ledger.record(announcement(USERS, "p3", 9L, null, 40));
    ledger.record(outcome(USERS, "p3", "staging", "PROMOTED", 9L, 50));
    ledger.record(outcome(USERS, "p4", "staging", "BLOCKED", 8L, 60));

    LedgerStatistics statistics = ledger.asOf(at(100)).statistics();

    assertThat(statistics.leadTimes().get("staging")).as("10 s and 30 s; v9's commit time was not announced")
        .isEqualTo(new LedgerStatistics.LeadTimes(2, Duration.ofSeconds(40)));
    assertThat(statistics.leadTimes().get("prod")).isEqualTo(new LedgerStatistics.LeadTimes(1, Duration.ofSeconds(60)));
  }

  @Test
  void givenHopsWaitingForApproval_whenCounted_thenEachStageSaysHowManyWaitAndSinceWhenTheOldestDoes() {
    ledger.record(outcome(ORDERS, "p1", "staging", "PROMOTED", 3L, 5));
    ledger.record(waiting(ORDERS, "p1", "prod", 3L, 10));
    ledger.record(waiting(ORDERS, "p1", "prod", 3L, 40));
    ledger.record(waiting(USERS, "p2", "prod", 8L, 30));
    ledger.record(waiting(USERS, "p3", "prod", 9L, 35));
    ledger.record(outcome(USERS, "p3", "prod", "PROMOTED", 9L, 50));

    LedgerStatistics statistics = ledger.asOf(at(100)).statistics();

    assertThat(statistics.approvals().get("prod")).as("orders v3 since 10 s, users v8 since 30 s; users v9 was approved")
        .isEqualTo(new LedgerStatistics.ApprovalBacklog(2, at(10)));
    assertThat(statistics.approvals().get("prod").oldestWait(at(100))).isEqualTo(Duration.ofSeconds(90));
    assertThat(statistics.approvals().get("staging")).as("a stage with none waiting still has its zero")
        .isEqualTo(new LedgerStatistics.ApprovalBacklog(0, null));
    assertThat(statistics.approvals().get("staging").oldestWait(at(100))).isZero();
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static LedgerEvent.Header header(String table, String promotion, int second) {
    return new LedgerEvent.Header(UUID.randomUUID().toString(), promotion, table, at(second));
  }

  private static Announcement announcement(String table, String promotion, Long version, Instant committed, int second) {
    return new Announcement(header(table, promotion, second), version, "DATA_ONLY", "fp", null, "prod", null, committed);
  }

  private static StageOutcome outcome(String table, String promotion, String stage, String status, Long version, int second) {
    return new StageOutcome(header(table, promotion, second), stage, status, version, null, null, null, null, null);
  }

  private static StageOutcome waiting(String table, String promotion, String stage, Long version, int second) {
    return new StageOutcome(header(table, promotion, second), stage, "BLOCKED", version, null, APPROVAL, null, null, null);
  }
}
