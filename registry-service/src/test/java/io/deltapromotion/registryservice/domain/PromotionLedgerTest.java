package io.deltapromotion.registryservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PromotionLedgerTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final String ORDERS = "pp.orders";
  private static final String USERS = "pp.users";

  private final PromotionLedger ledger = new PromotionLedger();

  @BeforeEach
  void theLogWasReadToItsEnd() {
    ledger.replayed();
  }

  @Test
  void givenAVersionRolledBack_whenAskedAtAMomentBeforeTheRollback_thenTheStageHoldsWhatItHeldThen() {
    ledger.record(outcome(ORDERS, "p1", "live", "PROMOTED", 11L, null, 1));
    ledger.record(outcome(ORDERS, "p2", "live", "PROMOTED", 12L, 11L, 10));
    ledger.record(outcome(ORDERS, "p2", "live", "ROLLED_BACK", 11L, 12L, 20));

    StageHolding before = ledger.asOf(at(15)).table(ORDERS).orElseThrow().stages().get(0);
    StageHolding after = ledger.asOf(at(25)).table(ORDERS).orElseThrow().stages().get(0);

    assertThat(before.version()).isEqualTo(12L);
    assertThat(before.since()).isEqualTo(at(10));
    assertThat(after.version()).isEqualTo(11L);
    assertThat(after.since()).isEqualTo(at(20));
    assertThat(after.latest().status()).isEqualTo("ROLLED_BACK");
  }

  @Test
  void givenTheLogNotYetReadToItsEnd_whenAsked_thenTheLedgerRefusesToAnswer() {
    PromotionLedger replaying = new PromotionLedger();
    replaying.record(announcement(ORDERS, "p1", 3L, 5));

    assertThatThrownBy(() -> replaying.asOf(at(10))).isInstanceOf(LedgerNotReplayedException.class);
    replaying.replayed();
    assertThat(replaying.asOf(at(10)).table(ORDERS)).isPresent();
  }

  @Test
  void givenAWatcher_whenEventsAreKept_thenItIsToldOfTheLiveOnesOnly_eachOnce() {
    PromotionLedger replaying = new PromotionLedger();
    List<LedgerEvent> told = new java.util.ArrayList<>();
    replaying.watch(told::add);
    replaying.record(announcement(ORDERS, "p1", 3L, 1));
    replaying.replayed();
    StageOutcome live = outcome(ORDERS, "p1", "live", "PROMOTED", 3L, null, 2);

    replaying.record(live);
    replaying.record(live);

    assertThat(told).containsExactly(live);
  }

  @Test
  void givenHopsThatEndedBadly_whenIncidentsAreAsked_thenNewestFirstWithTheirVersionsFailingChecks_andNoWaitingHop() {
    ledger.record(new QcReport(header(ORDERS, "o1", 1), 3L, "FAIL", List.of(
        new QcReport.Check("row_count", "PASS", "5", ">0", "5 rows"),
        new QcReport.Check("duplicate_keys", "FAIL", "2", "0", "2 keys repeat")), 5L));
    ledger.record(new StageOutcome(header(ORDERS, "o1", 2), "staging", "BLOCKED", 3L, null, null, null, null, "QC failed"));
    ledger.record(waiting(USERS, "u1", "live", 9L, null, new StageOutcome.Wait("APPROVAL", "QC warned", null, null), 3));
    ledger.record(outcome(USERS, "u0", "live", "FAILED", 8L, 7L, 4));
    ledger.record(outcome(USERS, "u0", "live", "PROMOTED", 8L, 7L, 5));

    List<Incident> incidents = ledger.asOf(at(100)).incidents(java.util.Set.of("BLOCKED", "FAILED", "ROLLED_BACK"), 10);

    assertThat(incidents).extracting(incident -> incident.outcome().table() + ":" + incident.outcome().status())
        .containsExactly(USERS + ":FAILED", ORDERS + ":BLOCKED");
    assertThat(incidents.get(1).failingChecks()).extracting(QcReport.Check::name).containsExactly("duplicate_keys");
    assertThat(ledger.asOf(at(100)).incidents(java.util.Set.of("BLOCKED", "FAILED"), 1)).hasSize(1);
  }

  @Test
  void givenAMomentBeforeATableWasNamed_whenAsked_thenTheTableIsUnknownThen() {
    ledger.record(announcement(ORDERS, "p1", 3L, 5));

    assertThat(ledger.asOf(at(4)).table(ORDERS)).isEmpty();
    assertThat(ledger.asOf(at(5)).table(ORDERS)).isPresent();
  }

  @Test
  void givenAnEventDeliveredTwice_whenRecorded_thenItIsKeptOnce() {
    StageOutcome promoted = outcome(ORDERS, "p1", "live", "PROMOTED", 11L, null, 1);

    assertThat(ledger.record(promoted)).isTrue();
    assertThat(ledger.record(promoted)).isFalse();

    assertThat(ledger.asOf(at(100)).history(ORDERS, 0, 10).orElseThrow().total()).isEqualTo(1);
  }

  @Test
  void givenAnEventReadAfterANewerOne_whenRecorded_thenItTakesItsPlaceByTheTimeItOccurred() {
    ledger.record(outcome(ORDERS, "p2", "live", "PROMOTED", 12L, 11L, 10));
    ledger.record(outcome(ORDERS, "p1", "live", "PROMOTED", 11L, null, 1));

    StageHolding live = ledger.asOf(at(100)).table(ORDERS).orElseThrow().stages().get(0);

    assertThat(live.version()).isEqualTo(12L);
    assertThat(ledger.asOf(at(5)).table(ORDERS).orElseThrow().stages().get(0).version()).isEqualTo(11L);
  }

  @Test
  void givenTheNewestVersionAudited_whenTheTableIsSummarised_thenItShowsThatVersionsVerdictAndEachStageInLadderOrder() {
    ledger.record(announcement(ORDERS, "p1", 3L, 1));
    ledger.record(report(ORDERS, "p1", 3L, "PASS", 2));
    ledger.record(outcome(ORDERS, "p1", "staging", "PROMOTED", 3L, null, 3));
    ledger.record(waiting(ORDERS, "p1", "live", 3L, 2L, new StageOutcome.Wait("APPROVAL", "every version needs one", null, null), 4));
    ledger.record(announcement(ORDERS, "p2", 4L, 5));

    TableSummary summary = ledger.asOf(at(100)).table(ORDERS).orElseThrow();

    assertThat(summary.preprodVersion()).isEqualTo(4L);
    assertThat(summary.verdict()).as("version 4 is not audited yet").isNull();
    assertThat(summary.stages()).extracting(StageHolding::stage).containsExactly("staging", "live");
    StageHolding live = summary.stages().get(1);
    assertThat(live.version()).as("seen holding 2 before any clone into it").isEqualTo(2L);
    assertThat(live.since()).isNull();
    assertThat(live.waiting().kind()).isEqualTo("APPROVAL");
    assertThat(ledger.asOf(at(4)).table(ORDERS).orElseThrow().verdict()).isEqualTo("PASS");
  }

  @Test
  void givenHopsWaitingForApproval_whenAsked_thenTheLongestWaitingComesFirstWithItsAge_andAnApprovedOneIsGone() {
    StageOutcome.Wait approval = new StageOutcome.Wait("APPROVAL", "QC warned", null, null);
    ledger.record(waiting(USERS, "u1", "live", 7L, null, approval, 10));
    ledger.record(waiting(ORDERS, "o1", "live", 3L, null, approval, 20));
    ledger.record(waiting(USERS, "u1", "live", 7L, null, approval, 30));
    ledger.record(waiting(ORDERS, "o2", "live", 4L, null, approval, 40));
    ledger.record(outcome(ORDERS, "o2", "live", "PROMOTED", 4L, null, 50));

    List<PendingApproval> at45 = ledger.asOf(at(45)).pendingApprovals();
    List<PendingApproval> at60 = ledger.asOf(at(60)).pendingApprovals();

    assertThat(at45).extracting(PendingApproval::promotionId).containsExactly("u1", "o1", "o2");
    assertThat(at45.get(0).since()).as("waiting since its first wait, not its newest").isEqualTo(at(10));
    assertThat(at45.get(0).waited()).isEqualTo(Duration.ofSeconds(35));
    assertThat(at60).extracting(PendingApproval::promotionId).containsExactly("u1", "o1");
  }

  @Test
  void givenAHopWaitingForItsSoak_whenApprovalsAreAsked_thenItIsNotOne() {
    ledger.record(waiting(ORDERS, "o1", "live", 3L, null, new StageOutcome.Wait("SOAK", null, at(90), null), 10));

    assertThat(ledger.asOf(at(20)).pendingApprovals()).isEmpty();
  }

  @Test
  void givenAPromotionAcrossStagesAndTables_whenAskedByItsId_thenEachHopsNewestOutcomeAndNothingOfOtherPromotions() {
    ledger.record(outcome(ORDERS, "r1", "staging", "PROMOTED", 3L, null, 1));
    ledger.record(waiting(ORDERS, "r1", "live", 3L, null, new StageOutcome.Wait("RELEASE", null, null, "R-7"), 2));
    ledger.record(outcome(USERS, "r1", "staging", "PROMOTED", 9L, null, 3));
    ledger.record(outcome(ORDERS, "r1", "live", "PROMOTED", 3L, null, 4));
    ledger.record(outcome(ORDERS, "other", "live", "FAILED", 4L, 3L, 5));

    List<HopStatus> hops = ledger.asOf(at(100)).promotion("r1");

    assertThat(hops).extracting(HopStatus::table, HopStatus::stage, hop -> hop.latest().status()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ORDERS, "staging", "PROMOTED"),
        org.assertj.core.groups.Tuple.tuple(ORDERS, "live", "PROMOTED"),
        org.assertj.core.groups.Tuple.tuple(USERS, "staging", "PROMOTED"));
    assertThat(ledger.asOf(at(3)).promotion("r1")).extracting(hop -> hop.latest().status())
        .containsExactly("PROMOTED", "BLOCKED", "PROMOTED");
  }

  @Test
  void givenTablesAskedInAStage_whenOneNeverReachedIt_thenItHasNoHoldingAndTheOthersTheirs() {
    ledger.record(outcome(ORDERS, "o1", "live", "PROMOTED", 3L, null, 1));
    ledger.record(outcome(USERS, "u1", "staging", "PROMOTED", 9L, null, 2));

    var live = ledger.asOf(at(100)).inStage("live", List.of(ORDERS, USERS, "pp.unknown"));

    assertThat(live.keySet()).containsExactly(ORDERS, USERS, "pp.unknown");
    assertThat(live.get(ORDERS)).hasValueSatisfying(holding -> assertThat(holding.version()).isEqualTo(3L));
    assertThat(live.get(USERS)).isEmpty();
    assertThat(live.get("pp.unknown")).isEmpty();
  }

  @Test
  void givenMoreEventsThanAPage_whenTheHistoryIsPaged_thenNewestFirstAndEveryEventKept() {
    for (int second = 1; second <= 25; second++) {
      ledger.record(announcement(ORDERS, "p" + second, (long) second, second));
    }

    LedgerMoment now = ledger.asOf(at(100));
    Page<LedgerEvent> first = now.history(ORDERS, 0, 10).orElseThrow();
    Page<LedgerEvent> last = now.history(ORDERS, 2, 10).orElseThrow();

    assertThat(first.total()).isEqualTo(25);
    assertThat(first.items()).extracting(event -> ((Announcement) event).version()).startsWith(25L, 24L).hasSize(10);
    assertThat(last.items()).extracting(event -> ((Announcement) event).version()).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(now.history(ORDERS, 3, 10).orElseThrow().items()).isEmpty();
    assertThat(now.history("pp.unknown", 0, 10)).isEmpty();
    assertThatThrownBy(() -> now.history(ORDERS, -1, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStagesBehindPreprod_whenDriftIsAsked_thenVersionsBehindAndWhetherTheSchemaDiffersPerStage() {
    ledger.record(new Announcement(header(ORDERS, "p1", 1), 3L, "NEW_TABLE", "fp-a", null, "live", null, null));
    ledger.record(outcome(ORDERS, "p1", "staging", "PROMOTED", 3L, null, 2));
    ledger.record(outcome(ORDERS, "p1", "live", "PROMOTED", 3L, null, 3));
    ledger.record(new Announcement(header(ORDERS, "p2", 4), 5L, "DATA_ONLY", "fp-a", null, "live", null, null));
    ledger.record(outcome(ORDERS, "p2", "staging", "PROMOTED", 5L, 3L, 5));
    ledger.record(new Announcement(header(ORDERS, "p3", 6), 8L, "SCHEMA_CHANGE", "fp-b", null, "live", null, null));

    List<StageDrift> drift = ledger.asOf(at(100)).drift();

    assertThat(drift).extracting(StageDrift::stage, StageDrift::stageVersion, StageDrift::versionsBehind,
        StageDrift::schemaDiffers, StageDrift::category).containsExactly(
        org.assertj.core.groups.Tuple.tuple("staging", 5L, 3L, true, "SCHEMA_CHANGE"),
        org.assertj.core.groups.Tuple.tuple("live", 3L, 5L, true, "SCHEMA_CHANGE"));
    assertThat(ledger.asOf(at(5)).drift()).extracting(StageDrift::versionsBehind, StageDrift::schemaDiffers)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, false), org.assertj.core.groups.Tuple.tuple(2L, false));
  }

  @Test
  void givenTablesOfARelease_whenReleasesAreAsked_thenEachReleaseListsTheTablesAnyEventOfTheirsNamesItIn() {
    ledger.record(new Announcement(header(ORDERS, "p1", 1), 3L, "DATA_ONLY", "fp", null, "live", "R-7", null));
    ledger.record(waiting(USERS, "r", "live", 9L, null, new StageOutcome.Wait("BEHIND_RELEASE", null, null, "R-7"), 2));
    ledger.record(announcement("pp.other", "p3", 1L, 3));

    LedgerMoment now = ledger.asOf(at(100));

    assertThat(now.releases()).extracting(ReleaseView::release).containsExactly("R-7");
    assertThat(now.release("R-7").orElseThrow().tables()).extracting(TableSummary::table).containsExactly(ORDERS, USERS);
    assertThat(ledger.asOf(at(1)).release("R-7").orElseThrow().tables()).extracting(TableSummary::table)
        .containsExactly(ORDERS);
    assertThat(now.release("R-8")).isEmpty();
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static LedgerEvent.Header header(String table, String promotion, int second) {
    return new LedgerEvent.Header(UUID.randomUUID().toString(), promotion, table, at(second));
  }

  private static Announcement announcement(String table, String promotion, Long version, int second) {
    return new Announcement(header(table, promotion, second), version, "DATA_ONLY", "fp-" + version, null, "live", null, null);
  }

  private static QcReport report(String table, String promotion, Long version, String verdict, int second) {
    return new QcReport(header(table, promotion, second), version, verdict,
        List.of(new QcReport.Check("row_count", verdict, "5", ">0", "5 rows")), 5L);
  }

  private static StageOutcome outcome(String table, String promotion, String stage, String status, Long version,
      Long previous, int second) {
    return new StageOutcome(header(table, promotion, second), stage, status, version, previous, null, null, null, null);
  }

  private static StageOutcome waiting(String table, String promotion, String stage, Long version, Long previous,
      StageOutcome.Wait wait, int second) {
    return new StageOutcome(header(table, promotion, second), stage, "BLOCKED", version, previous, wait, null, null, null);
  }
}
