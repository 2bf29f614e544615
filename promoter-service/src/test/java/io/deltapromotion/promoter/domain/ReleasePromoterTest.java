package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Promote orders planned (every table's gates first) and carried out for one table, on a preprod → prod
 * ladder with the warehouse in memory; a release's tables are carried out per table (ReleasePartsTest).
 */
class ReleasePromoterTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final List<String> TABLES = List.of("accounts", "balances", "customers");

  private final Ladder ladder = new Ladder(List.of(
      new Stage("preprod", List.of(SchemaName.parse("pp")), null),
      new Stage("prod", List.of(SchemaName.parse("pr")), new Transition(true, true, Duration.ZERO, CloneType.SHALLOW))));
  private final InMemoryTables warehouse = new InMemoryTables();
  private final PromotionLog log = new PromotionLog();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ReleasePromoter releases =
      new ReleasePromoter(ladder, new Promoter(warehouse, clock, "promoter-service"), log, clock);

  @Test
  void givenOneTableOfTheReleaseFailedQc_whenPlanned_thenNothingMayEnterAndEveryProblemIsNamed() {
    report("r1", 1, true);
    log.apply(new QcVerdict(source("balances"), 2, "FAIL", false, NOW, "p-bad", "r2", null));
    log.apply(new QcVerdict(source("accounts"), 2, "PASS", true, NOW, "p-ok", "r2", null));

    assertThatThrownBy(() -> releases.plan("prod", "r2", null, null, "alice"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("release r2: nothing may enter prod until every table may: pp.balances version 2: version 2 failed QC");
    assertThat(warehouse.clones).isEmpty();
  }

  @Test
  void givenOneTable_whenItsPromotionIsPlannedWithNoVersion_thenItIsTheNewestReported() {
    report("r1", 1, true);
    report("r2", 2, true);

    PromotionPlan plan = releases.plan("prod", null, source("balances"), null, "alice");

    assertThat(plan.steps()).singleElement().satisfies(step -> {
      assertThat(step.item()).isEqualTo(new TableVersion(source("balances"), 2));
      assertThat(step.releaseTag()).isEqualTo("r2");
    });
    assertThatThrownBy(() -> releases.plan("preprod", null, source("balances"), null, "alice"))
        .isInstanceOf(CommandRefusedException.class).hasMessageContaining("not a stage the promoter writes");
  }

  @Test
  void givenAnOrderForOneTable_whenDeliveredTwice_thenItIsClonedOnceWithOneOutcome() {
    report("r1", 1, true);
    PromoteCommand order = order(releases.plan("prod", null, source("balances"), null, "alice"));

    List<Hop> hops = releases.promote(order);
    apply(hops);

    assertThat(hops).singleElement().satisfies(hop -> assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.PROMOTED));
    assertThat(releases.promote(order)).isEmpty();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenAnOrderForOneTableThatMayNotEnter_whenCarriedOut_thenItEndsBlockedSayingWhyAndNothingIsWritten() {
    log.apply(new QcVerdict(source("balances"), 1, "FAIL", false, NOW, "p-bad", null, null));

    List<Hop> hops = releases.promote(new PromoteCommand(UUID.randomUUID().toString(), "alice", null, "prod", null,
        List.of(new TableVersion(source("balances"), 1))));

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.BLOCKED);
      assertThat(hop.outcome().message()).isEqualTo("the promotion was not carried out: nothing may enter prod until "
          + "every table may: pp.balances version 1: version 1 failed QC");
    });
    assertThat(warehouse.clones).isEmpty();
  }

  @Test
  void givenAnOrderForAVersionTheStageHoldsAlready_whenCarriedOut_thenItIsTheOrdersOwnSkippedOutcome() {
    report("r1", 1, true);
    apply(releases.promote(order(releases.plan("prod", null, source("balances"), null, "alice"))));
    PromoteCommand again = order(releases.plan("prod", null, source("balances"), 1L, "alice"));

    List<Hop> hops = releases.promote(again);

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.SKIPPED);
      assertThat(hop.promotionId()).isEqualTo(again.commandId());
    });
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenAnOrderNamingSeveralTables_whenCarriedOutAsOne_thenItIsRefused() {
    report("r1", 1, true);
    PromoteCommand release = order(releases.plan("prod", "r1", null, null, "alice"));

    assertThatThrownBy(() -> releases.promote(release)).isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("is a release");
  }

  @Test
  void givenAStageWithFourEyes_whenAnOperatorOrdersAVersionIn_thenOnlyAnotherOperatorsApprovalLetsTheOrderThrough() {
    Ladder fourEyes = new Ladder(List.of(ladder.stage(0),
        new Stage("prod", List.of(SchemaName.parse("pr")), new Transition(true, true, Duration.ZERO, CloneType.SHALLOW, true))));
    ReleasePromoter guarded = new ReleasePromoter(fourEyes, new Promoter(warehouse, clock, "promoter-service"), log, clock);
    report("r1", 1, true);
    TableName balances = source("balances");

    assertThatThrownBy(() -> guarded.plan("prod", null, balances, 1L, "alice"))
        .hasMessageContaining("prod has four eyes: an order does not stand for the approval; another operator must "
            + "approve version 1 first");
    log.apply(new OperatorDecision("c1", balances, 1, "prod", true, "alice", null, NOW));
    assertThatThrownBy(() -> guarded.plan("prod", null, balances, 1L, "alice"))
        .hasMessageContaining("prod has four eyes: alice approved version 1 and may not also order it in");
    PromoteCommand byAlice = new PromoteCommand("o1", "alice", null, "prod", null, List.of(new TableVersion(balances, 1)));
    assertThat(guarded.promote(byAlice)).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.BLOCKED);
      assertThat(hop.outcome().message()).contains("alice approved version 1 and may not also order it in");
    });
    assertThat(warehouse.clones).as("the order that reached the log anyway wrote nothing").isEmpty();

    PromotionPlan byBob = guarded.plan("prod", null, balances, 1L, "bob");

    assertThat(byBob.steps()).singleElement().satisfies(step -> assertThat(step.item().version()).isEqualTo(1));
  }

  private void report(String release, long version, boolean passed) {
    for (String table : TABLES) {
      log.apply(new QcVerdict(source(table), version, passed ? "PASS" : "FAIL", passed, NOW, UUID.randomUUID().toString(), release, null));
    }
  }

  private List<Hop> carryOut(PromotionPlan plan) {
    List<Hop> hops = releases.promote(order(plan));
    apply(hops);
    return hops;
  }

  /** As the promoter publishes an operator's order's outcomes: naming its actor, read back into the log. */
  private void apply(List<Hop> hops) {
    for (Hop hop : hops) {
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), hop.promotionId(), hop.causeEventId(), hop.source(),
          hop.version(), hop.stage(), hop.outcome().status(), hop.outcome().targetDeltaVersion(), hop.waitingFor(),
          hop.releaseTag(), NOW, true));
    }
  }

  private static PromoteCommand order(PromotionPlan plan) {
    return new PromoteCommand(UUID.randomUUID().toString(), "alice", null, plan.stage(), plan.releaseTag(),
        plan.steps().stream().map(PromotionPlan.Step::item).toList());
  }

  private static TableName source(String table) {
    return TableName.parse("pp." + table);
  }
}
