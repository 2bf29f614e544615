package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A release split per table: the coordinator's phases ({@link ReleaseCoordinator}) carried out by each
 * table's part ({@link ReleaseParts}), every order and outcome folded into the promotion log as the
 * promoter folds them from its topics, on a preprod → prod ladder with the warehouse in memory.
 * OperatorCommandsIT and TwoPromotersIT run it over Kafka on the real lakehouse.
 */
class ReleasePartsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final List<String> TABLES = List.of("accounts", "balances", "customers");

  private final Ladder ladder = new Ladder(List.of(
      new Stage("preprod", List.of(SchemaName.parse("pp")), null),
      new Stage("prod", List.of(SchemaName.parse("pr")), new Transition(true, true, Duration.ZERO, CloneType.SHALLOW))));
  private final InMemoryTables warehouse = new InMemoryTables();
  private final PromotionLog log = new PromotionLog();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Promoter promoter = new Promoter(warehouse, clock, "promoter-service");
  private final ReleaseParts parts =
      new ReleaseParts(ladder, promoter, log, new ReleasePromoter(ladder, promoter, log, clock), clock);
  private final LadderPromoter ladderPromoter = new LadderPromoter(ladder, promoter, log, clock);
  /** Every outcome published, by table, in order. */
  private final Map<TableName, List<Hop>> published = new LinkedHashMap<>();

  @Test
  void givenEveryTableMayEnter_whenTheReleaseRuns_thenEachIsPreparedThenClonedOnceAndTheReleaseIsOver() {
    report("r1", 1, true);

    ReleaseOrder release = run(order("r1", 1));

    for (String table : TABLES) {
      assertThat(statuses(table)).containsExactly("BLOCKED waiting", "PROMOTED");
      assertThat(warehouse.propertiesOf(target(table))).containsEntry("promoted_version", "1").containsEntry("release_tag", "r1");
    }
    assertThat(warehouse.clones).hasSize(3);
    assertThat(log.releasesRunning()).isEmpty();
    assertThat(log.releaseState(release.releaseId())).map(ReleaseCoordinator::isOver).contains(true);
  }

  @Test
  void givenTheThirdCloneFails_whenTheReleaseRuns_thenTheOthersAreClonedThenRolledBackAndEachTableSaysWhat() {
    run(order(report("r1", 1, true)));
    published.clear();
    report("r2", 2, true);
    warehouse.refuseClone.add(target("customers"));

    run(order("r2", 2));

    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "PROMOTED", "ROLLED_BACK");
    assertThat(statuses("customers")).containsExactly("BLOCKED waiting", "FAILED");
    Hop rolledBack = published.get(source("accounts")).get(2);
    assertThat(rolledBack.version()).as("what the target holds after the rollback").isEqualTo(1);
    assertThat(rolledBack.outcome().message()).isEqualTo("release r2 failed at [pp.customers]: version 2 was cloned, "
        + "then rolled back: it was restored to its version 0 (now at version 2)");
    assertThat(published.get(source("customers")).get(1).outcome().message()).contains("DELTA_ONLY_OPERATION")
        .endsWith("release r2 FAILED here: every table of it that was cloned is rolled back");
    for (String table : TABLES) {
      assertThat(warehouse.propertiesOf(target(table))).containsEntry("promoted_version", "1");
      assertThat(log.held(source(table), "prod")).map(PromotionLog.Held::version).contains(1L);
    }
  }

  @Test
  void givenAReleaseThatCreatesItsTables_whenOneCloneFails_thenTheCreatedOnesAreDropped() {
    report("r1", 1, true);
    warehouse.refuseClone.add(target("balances"));

    run(order("r1", 1));

    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "PROMOTED", "ROLLED_BACK");
    assertThat(published.get(source("accounts")).get(2).outcome().message()).endsWith("it did not exist before, so it was dropped");
    assertThat(warehouse.tableExists(target("accounts"))).isFalse();
    assertThat(warehouse.tableExists(target("customers"))).isFalse();
  }

  @Test
  void givenATableWhoseStageHoldsItsVersionAlready_whenTheReleaseRuns_thenItIsLeftAsItIsAndItsHopIsNotDecidedTwice() {
    report("r1", 1, true);
    run(order("r1", 1));
    published.clear();
    report("r2", 2, true);
    ReleaseOrder again = new ReleaseOrder(UUID.randomUUID().toString(), null, source("accounts"), "prod", "r2", "bob",
        List.of(new TableVersion(source("accounts"), 1), new TableVersion(source("balances"), 2)));

    run(again);

    assertThat(statuses("accounts")).containsExactly("SKIPPED");
    assertThat(published.get(source("accounts")).get(0).promotionId()).as("the release's own outcome")
        .isEqualTo(again.releaseId());
    assertThat(statuses("balances")).containsExactly("BLOCKED waiting", "PROMOTED");
    assertThat(warehouse.clones).as("3 for r1, then balances").hasSize(4);
  }

  @Test
  void givenAReleaseRolledBackAfterAFailure_whenOrderedAgainOnceTheWayIsClear_thenEveryTableIsClonedAgain() {
    run(order(report("r1", 1, true)));
    report("r2", 2, true);
    warehouse.refuseClone.add(target("customers"));
    run(order("r2", 2));
    warehouse.refuseClone.clear();
    published.clear();

    run(order("r2", 2));

    for (String table : TABLES) {
      assertThat(statuses(table)).containsExactly("BLOCKED waiting", "PROMOTED");
      assertThat(warehouse.propertiesOf(target(table))).containsEntry("promoted_version", "2");
    }
  }

  @Test
  void givenOneTableFailedQc_whenTheReleaseRuns_thenItIsRefusedAndTheOthersEndUnchangedNamingIt() {
    report("r1", 1, true);
    log.apply(new QcVerdict(source("balances"), 1, "FAIL", false, NOW, "p-bad", "r1", null));

    run(order("r1", 1));

    assertThat(statuses("balances")).containsExactly("BLOCKED");
    assertThat(published.get(source("balances")).get(0).outcome().message())
        .isEqualTo("release r1 was not carried out: release r1: nothing may enter prod until every table may: "
            + "pp.balances version 1: version 1 failed QC");
    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "BLOCKED");
    assertThat(published.get(source("accounts")).get(1).outcome().message())
        .isEqualTo("release r1 was not carried out: [pp.balances] may not enter prod; pr.accounts is unchanged");
    String accountsPromotion = log.verdict(source("accounts"), 1).orElseThrow().promotionId();
    assertThat(log.isFinal(source("accounts"), accountsPromotion, "prod")).as("its own way up the ladder goes on").isFalse();
    assertThat(warehouse.clones).isEmpty();
    assertThat(log.releasesRunning()).isEmpty();
  }

  @Test
  void givenEveryPhaseDeliveredTwice_whenTheReleaseRuns_thenEachTableAnswersEachPhaseOnceAndIsClonedOnce() {
    report("r1", 1, true);
    warehouse.refuseClone.add(target("customers"));

    run(order("r1", 1), 2);

    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "PROMOTED", "ROLLED_BACK");
    assertThat(statuses("customers")).containsExactly("BLOCKED waiting", "FAILED");
    assertThat(warehouse.clones).hasSize(2);
  }

  @Test
  void givenACloneWhoseAnswerWasLost_whenItsPartIsCarriedOutAgainAndAnotherCloneFailed_thenItIsClonedOnceAndUndone() {
    run(order(report("r1", 1, true)));
    published.clear();
    report("r2", 2, true);
    ReleaseOrder release = order("r2", 2);
    log.apply(release);
    carryOut(Phase.PREPARE, release, release.tables());
    warehouse.answerLostAfterClone.add(target("accounts"));
    assertThatThrownBy(() -> parts.carryOut(release.part(Phase.GO, source("accounts"))))
        .isInstanceOf(WarehouseUnavailableException.class);
    warehouse.refuseClone.add(target("customers"));

    run(release);

    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "PROMOTED", "ROLLED_BACK");
    assertThat(warehouse.clones).as("3 for r1, then accounts and balances once each for r2, customers refused").hasSize(5);
    assertThat(warehouse.propertiesOf(target("accounts"))).containsEntry("promoted_version", "1");
  }

  @Test
  void givenATableTheReleaseHolds_whenItsLadderIsSettledOrAPassingReportComes_thenNothingMovesUntilTheReleaseIsOver() {
    report("r1", 1, true);
    ReleaseOrder release = order("r1", 1);
    log.apply(release);
    carryOut(Phase.PREPARE, release, release.tables());
    String newer = UUID.randomUUID().toString();
    log.apply(new QcVerdict(source("accounts"), 2, "PASS", true, NOW, newer, null, null));
    log.apply(new OperatorDecision(UUID.randomUUID().toString(), source("accounts"), 2, "prod", true, "bob", null, NOW));

    List<Hop> onReport = ladderPromoter.onReport(new PromotionRequest(newer, source("accounts"), 2L, target("accounts"), true,
        "", false, null, null), NOW);
    publish(onReport);

    assertThat(onReport).singleElement().satisfies(hop -> assertThat(hop.waitingFor()).isEqualTo(new Wait.BehindRelease("r1")));
    assertThat(ladderPromoter.settle(source("accounts"), this::publish)).isTrue();
    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "BLOCKED waiting");

    run(release);
    ladderPromoter.settle(source("accounts"), this::publish);

    assertThat(statuses("accounts")).containsExactly("BLOCKED waiting", "BLOCKED waiting", "PROMOTED", "PROMOTED");
    assertThat(warehouse.propertiesOf(target("accounts"))).containsEntry("promoted_version", "2");
  }

  @Test
  void givenATableAnotherReleaseHolds_whenASecondReleaseIsPrepared_thenTheSecondIsRefusedForIt() {
    report("r1", 1, true);
    ReleaseOrder first = order("r1", 1);
    log.apply(first);
    carryOut(Phase.PREPARE, first, first.tables());

    ReleaseOrder second = new ReleaseOrder(UUID.randomUUID().toString(), null, source("accounts"), "prod", "again", "bob",
        List.of(new TableVersion(source("accounts"), 1), new TableVersion(source("balances"), 1)));
    log.apply(second);
    carryOut(Phase.PREPARE, second, List.of(source("accounts")));

    assertThat(log.answerTo(second.releaseId(), source("accounts"))).map(RecordedOutcome::status).contains(PromotionStatus.BLOCKED);
    assertThat(published.get(source("accounts")).get(1).outcome().message())
        .isEqualTo("release again was not carried out: pp.accounts is in release r1, which is not over");
  }

  /** Runs the release as its coordinator would, each phase's parts carried out {@code deliveries} times, until it is over. */
  private ReleaseOrder run(ReleaseOrder release, int deliveries) {
    log.apply(release);
    for (int round = 0; round < 10; round++) {
      Step step = ReleaseCoordinator.next(log.releaseState(release.releaseId()).orElseThrow());
      if (step instanceof Step.Over) {
        return release;
      }
      Step.Order order = (Step.Order) step;
      for (int delivery = 0; delivery < deliveries; delivery++) {
        carryOut(order.phase(), release, order.tables());
      }
    }
    throw new AssertionError("release " + release.releaseTag() + " still runs after 10 rounds");
  }

  private ReleaseOrder run(ReleaseOrder release) {
    return run(release, 1);
  }

  private void carryOut(Phase phase, ReleaseOrder release, List<TableName> tables) {
    for (TableName table : tables) {
      ReleaseOrder part = release.part(phase, table);
      log.apply(part);
      publish(parts.carryOut(part));
    }
  }

  /** As the promoter publishes: every outcome read back into the log (an operator's order's outcomes name its actor). */
  private void publish(List<Hop> hops) {
    for (Hop hop : hops) {
      published.computeIfAbsent(hop.source(), table -> new ArrayList<>()).add(hop);
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), hop.promotionId(), hop.causeEventId(), hop.source(),
          hop.version(), hop.stage(), hop.outcome().status(), hop.outcome().targetDeltaVersion(), hop.waitingFor(),
          hop.releaseTag(), NOW, log.releaseState(String.valueOf(hop.causeEventId())).isPresent()));
    }
  }

  private List<String> statuses(String table) {
    return published.getOrDefault(source(table), List.of()).stream()
        .map(hop -> hop.outcome().status() + (hop.waitingFor() == null ? "" : " waiting")).toList();
  }

  private String report(String release, long version, boolean passed) {
    for (String table : TABLES) {
      log.apply(new QcVerdict(source(table), version, passed ? "PASS" : "FAIL", passed, NOW, UUID.randomUUID().toString(),
          release, null));
    }
    return release;
  }

  private ReleaseOrder order(String release) {
    return order(release, 1);
  }

  private ReleaseOrder order(String release, long version) {
    return new ReleaseOrder(UUID.randomUUID().toString(), null, source(TABLES.get(0)), "prod", release, "alice",
        TABLES.stream().map(table -> new TableVersion(source(table), version)).toList());
  }

  private static TableName source(String table) {
    return TableName.parse("pp." + table);
  }

  private static TableName target(String table) {
    return TableName.parse("pr." + table);
  }
}
