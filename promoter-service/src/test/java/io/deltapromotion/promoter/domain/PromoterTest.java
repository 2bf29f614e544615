package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promotion rules (skip, re-promote, clone and verify), with the warehouse replaced by one
 * target table in memory; the end-to-end test runs the same rules against the real lakehouse.
 */
class PromoterTest {

  private static final TableName SOURCE = TableName.parse("pp.orders");
  private static final TableName TARGET = TableName.parse("pr.orders");
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final InMemoryTables warehouse = new InMemoryTables();
  private final Promoter promoter = new Promoter(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service");

  @Test
  void givenAPassedReportWhenPromotingThenOneCloneWritesDataAndLineageTogether() {
    PromotionOutcome outcome = promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(outcome.cloned()).isTrue();
    assertThat(warehouse.clones).hasSize(1);
    CloneRequest clone = warehouse.clones.get(0);
    assertThat(clone.version()).isEqualTo(4);
    assertThat(clone.properties()).containsEntry("promoted_from", "pp.orders").containsEntry("promoted_version", "4")
        .containsEntry("release_tag", "r1").containsEntry("promoted_at", NOW.toString())
        .containsEntry("promotion_id", "p1").containsEntry("promoted_by", "promoter-service");
  }

  @Test
  void givenTheWarehouseSessionPoolTimingOut_whenPromoting_thenItIsAnOutageNotAFailedPromotion() {
    warehouse.reachable = false;

    assertThatThrownBy(() -> promoter.promote(write("p1", 4L), CloneType.SHALLOW))
        .isInstanceOf(WarehouseUnavailableException.class);
    assertThat(warehouse.clones).isEmpty();
  }

  @Test
  void givenACloneWhoseAnswerWasLost_whenThePromotionIsDecidedAgain_thenTheCloneIsRecognisedNotRepeated() {
    warehouse.answerLostAfterClone.add(TARGET);
    assertThatThrownBy(() -> promoter.promote(write("p1", 4L), CloneType.SHALLOW))
        .isInstanceOf(WarehouseUnavailableException.class);

    PromotionOutcome again = promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(again.status()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(again.cloned()).isFalse();
    assertThat(again.targetVersionBefore()).as("the clone created the table").isNull();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenAPromotion_whenItClones_thenItsCommitIsMarkedWithThePromotion() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(warehouse.history(TARGET, 1).get(0).note())
        .contains(new CommitNote(CommitNote.Action.PROMOTE, "p1"));
  }

  @Test
  void givenTheSourceHasATableComment_whenPromoting_thenTheCloneCarriesItInTheSameCommit() {
    warehouse.sourceComments.put(SOURCE, "Orders, one row per order line");

    promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(warehouse.clones).singleElement().satisfies(clone ->
        assertThat(clone.properties()).containsEntry("comment", "Orders, one row per order line"));
  }

  @Test
  void givenTheTargetAlreadyHoldsTheVersionWhenAnotherPromotionAsksThenItIsSkippedWithoutCloning() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    PromotionOutcome outcome = promoter.promote(write("p2", 4L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(outcome.previousPromotedVersion()).isEqualTo(4);
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenThisPromotionAlreadyClonedWhenItsReportIsRedeliveredThenItIsPromotedWithoutASecondClone() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    PromotionOutcome outcome = promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(outcome.cloned()).isFalse();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenNoChangeWhenPromotingThenItIsSkipped() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(promoter.confirmUnchanged(write("p2", 5L)).status()).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenTheWarehouseRefusesTheCloneWhenPromotingThenItFailsWithTheWarehouseErrorText() {
    warehouse.refuseClone.add(TARGET);

    PromotionOutcome outcome = promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("DELTA_ONLY_OPERATION");
  }

  @Test
  void givenSomeoneWritesANewTargetRightAfterTheCloneWhenVerifyingThenThePromotionFailsAndTheTargetIsDropped() {
    warehouse.interferingWrite.add(TARGET);

    PromotionOutcome outcome = promoter.promote(write("p1", 4L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("does not verify").contains("someone else wrote to it")
        .contains("it did not exist before, so it was dropped");
    assertThat(warehouse.tableExists(TARGET)).isFalse();
  }

  @Test
  void givenTheTargetHeldAVersionWhenTheNextCloneDoesNotVerifyThenItIsRestoredAtOnceToWhatItHeld() {
    promoter.promote(write("p1", 4L), CloneType.SHALLOW);
    warehouse.interferingWrite.add(TARGET);

    PromotionOutcome outcome = promoter.promote(write("p2", 5L), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("does not verify").contains("it was restored to its version 0");
    assertThat(warehouse.propertiesOf(TARGET)).containsEntry("promoted_version", "4").containsEntry("promotion_id", "p1");
  }

  @Test
  void givenLineagePropertiesWhenReadBackThenTheyNameTheHeldVersion() {
    Lineage lineage = new Lineage(SOURCE, 4, null, NOW, "p1");

    assertThat(Lineage.fromProperties(lineage.toProperties("promoter-service"))).contains(lineage);
    assertThat(Lineage.fromProperties(Map.of("promoted_from", "pp.orders", "promoted_version", "four"))).isEmpty();
  }

  private static StageWrite write(String promotionId, long version) {
    return new StageWrite(promotionId, SOURCE, version, TARGET, "r1");
  }
}
