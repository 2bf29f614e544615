package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.UnsupportedWarehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promotion rules (block, skip, re-promote, clone and verify), with the warehouse replaced by one
 * target table in memory; the end-to-end test runs the same rules against the real lakehouse.
 */
class PromoterTest {

  private static final TableName SOURCE = TableName.parse("pp.orders");
  private static final TableName TARGET = TableName.parse("pr.orders");
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final OneTarget warehouse = new OneTarget();
  private final Promoter promoter = new Promoter(warehouse, Clock.fixed(NOW, ZoneOffset.UTC), "promoter-service");

  @Test
  void givenAFailedReportWhenPromotingThenItIsBlockedWithoutTouchingTheWarehouse() {
    PromotionOutcome outcome = promoter.promote(request("p1", 4L, false, false), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.BLOCKED);
    assertThat(outcome.message()).isEqualTo("QC failed: duplicate_keys: 2 rows repeat a key");
    assertThat(warehouse.calls).isEmpty();
  }

  @Test
  void givenAPassedReportWhenPromotingThenOneCloneWritesDataAndLineageTogether() {
    PromotionOutcome outcome = promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

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
  void givenTheTargetAlreadyHoldsTheVersionWhenAnotherPromotionAsksThenItIsSkippedWithoutCloning() {
    promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    PromotionOutcome outcome = promoter.promote(request("p2", 4L, true, false), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(outcome.previousPromotedVersion()).isEqualTo(4);
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenThisPromotionAlreadyClonedWhenItsReportIsRedeliveredThenItIsPromotedWithoutASecondClone() {
    promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    PromotionOutcome outcome = promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(outcome.cloned()).isFalse();
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenNoChangeWhenPromotingThenItIsSkipped() {
    promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    assertThat(promoter.promote(request("p2", 5L, true, true), CloneType.SHALLOW).status()).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(warehouse.clones).hasSize(1);
  }

  @Test
  void givenTheWarehouseRefusesTheCloneWhenPromotingThenItFailsWithTheWarehouseErrorText() {
    warehouse.refuseClone = "[DELTA_UNSUPPORTED_NON_EMPTY_CLONE] cannot clone";

    PromotionOutcome outcome = promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("DELTA_UNSUPPORTED_NON_EMPTY_CLONE");
  }

  @Test
  void givenSomeoneWritesTheTargetRightAfterTheCloneWhenVerifyingThenThePromotionFails() {
    warehouse.interferingWrite = true;

    PromotionOutcome outcome = promoter.promote(request("p1", 4L, true, false), CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.FAILED);
    assertThat(outcome.message()).contains("does not verify").contains("someone else wrote to it");
  }

  @Test
  void givenAReportRequiringApprovalWhenPromotingThenItIsBlockedAwaitingApprovalWithoutTouchingTheWarehouse() {
    PromotionRequest needsApproval = new PromotionRequest("p1", SOURCE, 4L, TARGET, true, "", false, "r1",
        "breaking schema change requires approval: dropped column email");

    PromotionOutcome outcome = promoter.promote(needsApproval, CloneType.SHALLOW);

    assertThat(outcome.status()).isEqualTo(PromotionStatus.BLOCKED);
    assertThat(outcome.message()).startsWith("awaiting approval: breaking schema change requires approval: dropped column email");
    assertThat(warehouse.calls).isEmpty();
  }

  private static PromotionRequest request(String promotionId, Long version, boolean passed, boolean noChange) {
    return new PromotionRequest(promotionId, SOURCE, version, TARGET, passed,
        passed ? "" : "duplicate_keys: 2 rows repeat a key", noChange, "r1", null);
  }

  /** The target table as the promoter sees it: existence, properties and history. */
  private static final class OneTarget extends UnsupportedWarehouse {
    private final List<String> calls = new ArrayList<>();
    private final List<CloneRequest> clones = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private Map<String, String> properties = new HashMap<>();
    private String refuseClone;
    private boolean interferingWrite;

    @Override
    public boolean tableExists(TableName table) {
      calls.add("tableExists");
      return !history.isEmpty();
    }

    @Override
    public Map<String, String> properties(TableName table) {
      calls.add("properties");
      return properties;
    }

    @Override
    public List<HistoryEntry> history(TableName table, int limit) {
      calls.add("history");
      return history.subList(0, Math.min(limit, history.size()));
    }

    @Override
    public CloneResult clone(CloneRequest request) {
      calls.add("clone");
      if (refuseClone != null) {
        throw new WarehouseException(refuseClone, "42000", null);
      }
      clones.add(request);
      properties = new HashMap<>(request.properties());
      long version = history.size();
      history.add(0, new HistoryEntry(version, NOW, "CLONE",
          Map.of("source", "spark_catalog." + request.source(), "sourceVersion", String.valueOf(request.version()))));
      if (interferingWrite) {
        history.add(0, new HistoryEntry(version + 1, NOW, "WRITE", Map.of()));
      }
      return new CloneResult(version, 1);
    }
  }

  @Test
  void givenLineagePropertiesWhenReadBackThenTheyNameTheHeldVersion() {
    Lineage lineage = new Lineage(SOURCE, 4, null, NOW, "p1");

    assertThat(Lineage.fromProperties(lineage.toProperties("promoter-service"))).contains(lineage);
    assertThat(Lineage.fromProperties(Map.of("promoted_from", "pp.orders", "promoted_version", "four"))).isEmpty();
  }
}
