package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Promote orders as one unit (gates first, roll back what was cloned when a clone fails), on a
 * preprod → prod ladder with the warehouse in memory; ReleasePromotionIT runs them on the real lakehouse.
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

    assertThatThrownBy(() -> releases.plan("prod", "r2", null, null))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("release r2: nothing may enter prod until every table may: pp.balances version 2: version 2 failed QC");
    assertThat(warehouse.clones).isEmpty();
  }

  @Test
  void givenAReleaseThatPassedQc_whenPromoted_thenEveryTableEntersTheStage() {
    report("r1", 1, true);

    List<Hop> hops = carryOut(releases.plan("prod", "r1", null, null));

    assertThat(hops).extracting(hop -> hop.outcome().status()).containsOnly(PromotionStatus.PROMOTED);
    assertThat(hops).extracting(Hop::target).extracting(TableName::toString)
        .containsExactly("pr.accounts", "pr.balances", "pr.customers");
    for (String table : TABLES) {
      assertThat(warehouse.propertiesOf(TableName.parse("pr." + table))).containsEntry("promoted_version", "1")
          .containsEntry("release_tag", "r1");
    }
  }

  @Test
  void givenTheThirdCloneFails_whenTheReleaseIsPromoted_thenTheFirstTwoAreRolledBackAndEachTableSaysWhat() {
    report("r1", 1, true);
    carryOut(releases.plan("prod", "r1", null, null));
    report("r2", 2, true);
    warehouse.refuseClone.add(TableName.parse("pr.customers"));

    List<Hop> hops = carryOut(releases.plan("prod", "r2", null, null));

    assertThat(hops).extracting(hop -> hop.outcome().status())
        .containsExactly(PromotionStatus.ROLLED_BACK, PromotionStatus.ROLLED_BACK, PromotionStatus.FAILED);
    assertThat(hops.get(0).version()).as("what the target holds after the rollback").isEqualTo(1);
    assertThat(hops.get(0).outcome().message()).startsWith("release r2 failed at pp.customers (")
        .contains("version 2 was cloned, then rolled back: it was restored to its version 0");
    assertThat(hops.get(2).outcome().message()).contains("DELTA_ONLY_OPERATION")
        .endsWith("release r2 FAILED here: rolled back [pr.accounts, pr.balances]");
    for (String table : TABLES) {
      assertThat(warehouse.propertiesOf(TableName.parse("pr." + table))).containsEntry("promoted_version", "1");
    }
    assertThat(log.held(source("accounts"), "prod")).map(PromotionLog.Held::version).contains(1L);
  }

  @Test
  void givenTheSecondCloneFails_whenTheReleaseIsPromoted_thenTheTablesAfterItAreLeftAlone() {
    report("r1", 1, true);
    warehouse.refuseClone.add(TableName.parse("pr.balances"));

    List<Hop> hops = carryOut(releases.plan("prod", "r1", null, null));

    assertThat(hops).extracting(hop -> hop.outcome().status())
        .containsExactly(PromotionStatus.ROLLED_BACK, PromotionStatus.FAILED, PromotionStatus.BLOCKED);
    assertThat(hops.get(0).outcome().message()).contains("it did not exist before, so it was dropped");
    assertThat(hops.get(2).outcome().message()).endsWith("before pr.customers was cloned; it is unchanged");
    assertThat(warehouse.tableExists(TableName.parse("pr.accounts"))).isFalse();
    assertThat(warehouse.tableExists(TableName.parse("pr.customers"))).isFalse();
  }

  @Test
  void givenAnOrderInterruptedAfterItsFirstClone_whenCarriedOutAgainAndALaterCloneFails_thenTheFirstIsRolledBackToo() {
    report("r1", 1, true);
    carryOut(releases.plan("prod", "r1", null, null));
    report("r2", 2, true);
    PromoteCommand order = order(releases.plan("prod", "r2", null, null));
    warehouse.answerLostAfterClone.add(TableName.parse("pr.balances"));
    assertThatThrownBy(() -> releases.promote(order)).isInstanceOf(WarehouseUnavailableException.class);
    warehouse.refuseClone.add(TableName.parse("pr.customers"));

    List<Hop> hops = releases.promote(order);

    assertThat(hops).extracting(hop -> hop.outcome().status())
        .containsExactly(PromotionStatus.ROLLED_BACK, PromotionStatus.ROLLED_BACK, PromotionStatus.FAILED);
    for (String table : TABLES) {
      assertThat(warehouse.propertiesOf(TableName.parse("pr." + table))).containsEntry("promoted_version", "1");
    }
    assertThat(warehouse.clones).as("3 for r1, then accounts and balances once each for r2, customers refused")
        .hasSize(5);
  }

  @Test
  void givenAnOrderAlreadyCarriedOut_whenItIsDeliveredAgain_thenNothingIsClonedTwice() {
    report("r1", 1, true);
    PromoteCommand order = order(releases.plan("prod", "r1", null, null));
    apply(releases.promote(order));

    assertThat(releases.promote(order)).isEmpty();
    assertThat(warehouse.clones).hasSize(3);
  }

  @Test
  void givenOneTable_whenItsPromotionIsPlannedWithNoVersion_thenItIsTheNewestReported() {
    report("r1", 1, true);
    report("r2", 2, true);

    PromotionPlan plan = releases.plan("prod", null, source("balances"), null);

    assertThat(plan.steps()).singleElement().satisfies(step -> {
      assertThat(step.item()).isEqualTo(new TableVersion(source("balances"), 2));
      assertThat(step.releaseTag()).isEqualTo("r2");
    });
    assertThatThrownBy(() -> releases.plan("preprod", null, source("balances"), null))
        .isInstanceOf(CommandRefusedException.class).hasMessageContaining("not a stage the promoter writes");
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

  private void apply(List<Hop> hops) {
    for (Hop hop : hops) {
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), hop.promotionId(), hop.causeEventId(), hop.source(),
          hop.version(), hop.stage(), hop.outcome().status(), hop.outcome().targetDeltaVersion(), hop.waitingFor(),
          hop.releaseTag(), NOW));
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
