package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Rolling a stage's table back (RESTORE, else a re-clone), with the warehouse in memory. */
class StageRollbackTest {

  private static final TableName SOURCE = TableName.parse("pp.orders");
  private static final TableName TARGET = TableName.parse("pr.orders");
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final InMemoryTables warehouse = new InMemoryTables();
  private final Promoter promoter = new Promoter(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service");
  private final StageRollback rollback = new StageRollback(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service");

  @Test
  void givenAnEarlierVersionWhenRollingBackThenOneRestoreBringsBackItsDataAndLineage() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);
    promoter.promote(write("p2", 5L), CloneType.SHALLOW);

    PromotionOutcome outcome = rollback.rollBack(rollback(0L));

    assertThat(outcome.status()).isEqualTo(PromotionStatus.ROLLED_BACK);
    assertThat(outcome.previousPromotedVersion()).isEqualTo(5);
    assertThat(outcome.targetDeltaVersion()).isEqualTo(2);
    assertThat(outcome.message()).contains("RESTORE of pr.orders to its version 0");
    assertThat(warehouse.propertiesOf(TARGET)).containsEntry("promoted_version", "4").containsEntry("promotion_id", "p1");
    assertThat(warehouse.clones).hasSize(2);
  }

  @Test
  void givenTheEarlierTargetVersionIsGoneWhenRollingBackThenTheSourceVersionIsClonedAgain() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);
    promoter.promote(write("p2", 5L), CloneType.SHALLOW);
    warehouse.refuseRestore.add(TARGET);

    PromotionOutcome outcome = rollback.rollBack(rollback(0L));

    assertThat(outcome.status()).isEqualTo(PromotionStatus.ROLLED_BACK);
    assertThat(outcome.cloned()).isTrue();
    assertThat(outcome.message()).contains("re-cloned version 4").contains("vacuumed");
    assertThat(warehouse.propertiesOf(TARGET)).containsEntry("promoted_version", "4").containsEntry("promotion_id", "p1");
  }

  @Test
  void givenNeitherRestoreNorCloneWorksWhenRollingBackThenItFailsWithBothReasons() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);
    promoter.promote(write("p2", 5L), CloneType.SHALLOW);
    warehouse.refuseRestore.add(TARGET);
    warehouse.refuseClone.add(TARGET);

    PromotionOutcome outcome = rollback.rollBack(rollback(0L));

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("vacuumed").contains("DELTA_ONLY_OPERATION").endsWith("pr.orders is unchanged");
    assertThat(warehouse.propertiesOf(TARGET)).containsEntry("promoted_version", "5");
  }


  private static StageWrite write(String promotionId, long version) {
    return new StageWrite(promotionId, SOURCE, version, TARGET, "r1");
  }

  private static RollbackRequest rollback(Long targetDeltaVersion) {
    return new RollbackRequest(SOURCE, 4, TARGET, targetDeltaVersion, "p1", "r1", CloneType.SHALLOW, "rolled back by alice");
  }
}
