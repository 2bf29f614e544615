package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromotionLogTest {

  private static final TableName ORDERS = TableName.parse("dev.orders");
  private static final TableName BALANCES = TableName.parse("dev.balances");
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final PromotionLog log = new PromotionLog();

  @Test
  void givenEveryEntryDeliveredTwice_whenApplied_thenTheLogAnswersAsIfOnce() {
    List<LogEntry> entries = List.of(
        new QcVerdict(ORDERS, 4, "PASS", true, NOW, "p4", null, null),
        outcome("e1", "p4", 4L, "staging", PromotionStatus.PROMOTED, 1L, null),
        outcome("e2", "p4", 4L, "live", PromotionStatus.BLOCKED, null, new Wait.Approval("every version needs one")),
        new OperatorDecision("c1", ORDERS, 4, "live", true, "alice", null, NOW),
        outcome("e3", "p4", 4L, "live", PromotionStatus.PROMOTED, 1L, null));
    PromotionLog once = new PromotionLog();
    entries.forEach(once::apply);

    entries.forEach(log::apply);
    entries.forEach(log::apply);

    assertThat(log.heldBefore(ORDERS, "staging")).isEqualTo(once.heldBefore(ORDERS, "staging"));
    assertThat(log.held(ORDERS, "live")).isEqualTo(once.held(ORDERS, "live"));
    assertThat(log.waiting(ORDERS, "live")).isEmpty();
    assertThat(log.finalHopCount()).isEqualTo(once.finalHopCount()).isEqualTo(2);
  }

  @Test
  void givenAWaitDeliveredAgainAfterItsFinalOutcome_whenApplied_thenTheHopDoesNotWaitAgain() {
    RecordedOutcome waits = outcome("e1", "p4", 4L, "staging", PromotionStatus.BLOCKED, null,
        new Wait.Soak("dev", NOW.plusSeconds(60)));
    log.apply(waits);
    log.apply(outcome("e2", "p4", 4L, "staging", PromotionStatus.PROMOTED, 1L, null));

    log.apply(waits);

    assertThat(log.waiting(ORDERS, "staging")).isEmpty();
    assertThat(log.isFinal(ORDERS, "p4", "staging")).isTrue();
  }

  @Test
  void givenOneCommandWithOutcomesForTwoTables_whenOneTablesOutcomeIsKnown_thenOnlyThatTableIsDone() {
    log.apply(new RecordedOutcome("e1", "cmd-1", "cmd-1", ORDERS, 4L, "live", PromotionStatus.PROMOTED, 1L, null, "r1", NOW,
        true));

    assertThat(log.isFinal(ORDERS, "cmd-1", "live")).isTrue();
    assertThat(log.isFinal(BALANCES, "cmd-1", "live")).isFalse();
    assertThat(log.hasOutcomeCausedBy("cmd-1", ORDERS)).isTrue();
    assertThat(log.hasOutcomeCausedBy("cmd-1", BALANCES)).isFalse();
  }

  @Test
  void givenThreeVersionsHeld_whenRolledBackToTheFirst_thenTheStageHoldsItAndTheLaterOnesAreNoLongerBefore() {
    log.apply(outcome("e1", "p1", 1L, "live", PromotionStatus.PROMOTED, 0L, null));
    log.apply(outcome("e2", "p2", 2L, "live", PromotionStatus.PROMOTED, 1L, null));
    log.apply(outcome("e3", "p3", 3L, "live", PromotionStatus.PROMOTED, 2L, null));

    log.apply(outcome("e4", "rb", 1L, "live", PromotionStatus.ROLLED_BACK, 3L, null));

    assertThat(log.held(ORDERS, "live")).map(PromotionLog.Held::version).contains(1L);
    assertThat(log.heldBefore(ORDERS, "live")).extracting(PromotionLog.Held::version).containsExactly(1L);
  }

  @Test
  void givenManyHopsIntoOneStage_whenApplied_thenWhatIsKnownOfAnotherStageIsKept() {
    log.apply(outcome("e-live", "p1", 1L, "live", PromotionStatus.PROMOTED, 1L, null));

    for (int hop = 2; hop <= PromotionLog.HOPS_KEPT + 2; hop++) {
      log.apply(outcome("e" + hop, "p" + hop, (long) hop, "staging", PromotionStatus.BLOCKED, null, null));
    }

    assertThat(log.isFinal(ORDERS, "p1", "live")).isTrue();
    assertThat(log.isFinal(ORDERS, "p2", "staging")).isFalse();
    assertThat(log.isFinal(ORDERS, "p3", "staging")).isTrue();
  }

  @Test
  void givenMoreHopsCommandsAndDecisionsThanKept_whenApplied_thenOnlyTheNewestAreKept() {
    for (int hop = 1; hop <= PromotionLog.HOPS_KEPT + 1; hop++) {
      log.apply(new RecordedOutcome("e" + hop, "p" + hop, "cmd-" + hop, ORDERS, (long) hop, "staging",
          PromotionStatus.PROMOTED, (long) hop, null, null, NOW, true));
      log.apply(new OperatorDecision("d" + hop, ORDERS, hop, "live", true, "alice", null, NOW));
    }

    assertThat(log.finalHopCount()).isEqualTo(PromotionLog.HOPS_KEPT);
    assertThat(log.isFinal(ORDERS, "p1", "staging")).isFalse();
    assertThat(log.isFinal(ORDERS, "p2", "staging")).isTrue();
    assertThat(log.hasOutcomeCausedBy("cmd-" + (PromotionLog.HOPS_KEPT + 1 - PromotionLog.COMMANDS_KEPT), ORDERS)).isFalse();
    assertThat(log.hasOutcomeCausedBy("cmd-" + (PromotionLog.HOPS_KEPT + 2 - PromotionLog.COMMANDS_KEPT), ORDERS)).isTrue();
    assertThat(log.decision(ORDERS, PromotionLog.HOPS_KEPT + 1 - PromotionLog.DECISIONS_KEPT, "live")).isEmpty();
    assertThat(log.decision(ORDERS, PromotionLog.HOPS_KEPT + 1, "live")).isPresent();
    assertThat(log.heldBefore(ORDERS, "staging")).hasSize(PromotionLog.HISTORY_KEPT);
  }

  @Test
  void givenAReleasesPartAndAnswerFoldedBeforeItsOrder_whenItsStateIsRead_thenItIsAsIfFoldedInOrder() {
    ReleaseOrder order = release("r1");
    log.apply(order.part(ReleaseCoordinator.Phase.PREPARE, ORDERS));
    log.apply(answer("a1", order, ORDERS, PromotionStatus.BLOCKED, new Wait.Release("r1")));

    log.apply(order);

    assertThat(log.releaseState(order.releaseId())).contains(new ReleaseCoordinator.State(order.tables(),
        Map.of(ORDERS, ReleaseCoordinator.Part.READY), Set.of(ReleaseCoordinator.Phase.PREPARE)));
    assertThat(log.releaseHolding(ORDERS)).contains(order);
    assertThat(log.waiting(ORDERS, "live")).as("the release's, not the ladder's").isEmpty();
  }

  @Test
  void givenAReleaseOver_whenItsTablesForgetItsAnswers_thenItStaysOverAndHoldsNothing() {
    ReleaseOrder order = release("r1");
    log.apply(order);
    for (TableName table : order.tables()) {
      log.apply(order.part(ReleaseCoordinator.Phase.PREPARE, table));
      log.apply(answer("ready-" + table, order, table, PromotionStatus.BLOCKED, new Wait.Release("r1")));
      log.apply(order.part(ReleaseCoordinator.Phase.GO, table));
      log.apply(answer("done-" + table, order, table, PromotionStatus.PROMOTED, null));
    }
    assertThat(log.releasesRunning()).isEmpty();

    for (int later = 0; later < PromotionLog.COMMANDS_KEPT; later++) {
      log.apply(new RecordedOutcome("later-" + later, "p" + later, "order-" + later, ORDERS, 4L, "live",
          PromotionStatus.SKIPPED, null, null, null, NOW, true));
    }

    assertThat(log.answerTo(order.releaseId(), ORDERS)).as("forgotten").isEmpty();
    assertThat(log.releasesRunning()).isEmpty();
    assertThat(log.releaseHolding(ORDERS)).isEmpty();
  }

  private static ReleaseOrder release(String tag) {
    return new ReleaseOrder("6f1c2a55-0000-4000-8000-00000000000" + tag.length(), null, ORDERS, "live", tag, "alice",
        List.of(new TableVersion(ORDERS, 4), new TableVersion(BALANCES, 2)));
  }

  private static RecordedOutcome answer(String eventId, ReleaseOrder order, TableName table, PromotionStatus status, Wait wait) {
    return new RecordedOutcome(eventId, "p-" + table, order.releaseId(), table, 4L, "live", status,
        status == PromotionStatus.PROMOTED ? 3L : null, wait, order.releaseTag(), NOW, true);
  }

  private static RecordedOutcome outcome(String eventId, String promotionId, Long version, String stage,
      PromotionStatus status, Long targetDeltaVersion, Wait wait) {
    return new RecordedOutcome(eventId, promotionId, null, ORDERS, version, stage, status, targetDeltaVersion, wait, null,
        NOW);
  }
}
