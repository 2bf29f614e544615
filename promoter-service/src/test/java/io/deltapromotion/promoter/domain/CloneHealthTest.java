package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clone health check with the warehouse in memory; CloneHealthIT breaks real clones on the lakehouse. */
class CloneHealthTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final TableName ORDERS = TableName.parse("pp.orders");
  private static final TableName PROD_ORDERS = TableName.parse("pr.orders");

  private final Ladder ladder = new Ladder(List.of(
      new Stage("preprod", List.of(SchemaName.parse("pp")), null),
      new Stage("prod", List.of(SchemaName.parse("pr")), new Transition(true, false, Duration.ZERO, CloneType.SHALLOW))));
  private final InMemoryTables warehouse = new InMemoryTables();
  private final PromotionLog log = new PromotionLog();
  private final Promoter promoter = new Promoter(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service");
  private final CloneHealth health = new CloneHealth(ladder,
      new StageRepair(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service"), log);

  @Test
  void givenReadableClones_whenChecked_thenNothingIsWrittenOrSaid() {
    promote(4);

    assertThat(health.check(ORDERS)).isEmpty();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenABrokenCloneWhoseSourceVersionStillReads_whenChecked_thenItIsClonedAgainAndSaysSo() {
    promote(4);
    warehouse.unreadable.add(PROD_ORDERS);

    List<Hop> hops = health.check(ORDERS);

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.PROMOTED);
      assertThat(hop.promotionId()).as("the held version's own promotion").isEqualTo("p4");
      assertThat(hop.version()).isEqualTo(4);
      assertThat(hop.outcome().message()).startsWith("repaired: pr.orders cannot be read ([FAILED_READ_FILE]")
          .endsWith("version 4 of pp.orders was cloned again");
    });
    assertThat(warehouse.clones).hasSize(2);
    assertThat(warehouse.propertiesOf(PROD_ORDERS)).containsEntry("promoted_version", "4").containsEntry("promotion_id", "p4");
  }

  @Test
  void givenABrokenCloneWhoseSourceVersionIsGoneToo_whenChecked_thenItIsReportedFailedWithBothReasons() {
    promote(4);
    warehouse.unreadable.add(PROD_ORDERS);
    warehouse.unreadable.add(ORDERS);

    List<Hop> hops = health.check(ORDERS);

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.FAILED);
      assertThat(hop.outcome().message()).contains("pr.orders cannot be read")
          .contains("it cannot be repaired: version 4 of pp.orders cannot be read either");
    });
    assertThat(warehouse.clones).hasSize(1);
    assertThat(health.check(ORDERS)).as("said once while it stays broken").isEmpty();
    warehouse.unreadable.remove(PROD_ORDERS);
    assertThat(health.check(ORDERS)).as("readable again (someone mended it)").isEmpty();
    warehouse.unreadable.add(PROD_ORDERS);
    assertThat(health.check(ORDERS)).as("broken again: said again").singleElement()
        .satisfies(hop -> assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.FAILED));
  }

  @Test
  void givenTheWarehouseUnreachable_whenChecked_thenNoTableIsCalledBrokenNorClonedAgain() {
    promote(4);
    warehouse.reachable = false;

    assertThatThrownBy(() -> health.check(ORDERS)).isInstanceOf(WarehouseUnavailableException.class);
    warehouse.reachable = true;
    assertThat(health.check(ORDERS)).isEmpty();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenAStageTableEmptiedForACloneThatNeverCame_whenChecked_thenItIsRestoredToTheVersionItHeldAndSaysSo() {
    promote(4);
    warehouse.emptiedForAClone(PROD_ORDERS, "p5");

    List<Hop> hops = health.check(ORDERS);

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.PROMOTED);
      assertThat(hop.version()).isEqualTo(4);
      assertThat(hop.outcome().message()).isEqualTo("repaired: pr.orders was left empty by promotion p5, interrupted "
          + "between emptying it and cloning onto it; it was restored to its version 0, which holds version 4 of pp.orders");
    });
    assertThat(warehouse.history(PROD_ORDERS, 1).get(0).operation()).isEqualTo("RESTORE");
    assertThat(warehouse.propertiesOf(PROD_ORDERS)).containsEntry("promoted_version", "4");
    assertThat(health.check(ORDERS)).isEmpty();
  }

  @Test
  void givenAStageTableWrittenBySomeoneElse_whenChecked_thenItsPromotionEndsFailedSayingWhoWroteWhat_onceAndUntouched() {
    promote(4);
    warehouse.writtenBySomeoneElse(PROD_ORDERS, "OPTIMIZE");
    assertThat(health.check(ORDERS)).as("maintenance is not a write").isEmpty();
    warehouse.writtenBySomeoneElse(PROD_ORDERS, "DELETE");
    int clones = warehouse.clones.size();

    List<Hop> hops = health.check(ORDERS);

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.FAILED);
      assertThat(hop.promotionId()).isEqualTo("p4");
      assertThat(hop.outcome().message()).isEqualTo("pr.orders was written outside the promoter: its version 2 (DELETE at "
          + "2026-11-21T10:00:00Z) came after version 0, the promoter's write of version 4 of pp.orders; it may no longer "
          + "hold what was promoted (roll it back or promote again to write it back)");
    });
    assertThat(warehouse.clones).as("left for people to look at").hasSize(clones);
    assertThat(health.check(ORDERS)).as("said once").isEmpty();
    warehouse.writtenBySomeoneElse(PROD_ORDERS, "MERGE");
    assertThat(health.check(ORDERS)).as("a new foreign commit is said again").singleElement()
        .satisfies(hop -> assertThat(hop.outcome().message()).contains("its version 3 (MERGE"));
  }

  private void promote(long version) {
    seedSource();
    PromotionOutcome outcome = promoter.promote(new StageWrite("p" + version, ORDERS, version, PROD_ORDERS, null),
        CloneType.SHALLOW);
    log.apply(new RecordedOutcome("e" + version, "p" + version, null, ORDERS, version, "prod", outcome.status(),
        outcome.targetDeltaVersion(), null, null, NOW));
  }

  /** The source table exists in the warehouse, so its files can be read. */
  private void seedSource() {
    warehouse.clone(new CloneRequest(TableName.parse("raw.orders"), 0, ORDERS, CloneType.SHALLOW, Map.of()));
    warehouse.clones.clear();
  }
}
