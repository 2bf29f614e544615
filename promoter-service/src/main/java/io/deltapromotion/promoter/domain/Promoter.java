package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.Optional;

/**
 * The only writer to the target: decides what a quality report calls for and does it. A failed report
 * is BLOCKED without touching the warehouse. Otherwise the target's lineage decides: if it already holds
 * the version it is SKIPPED (or, when this very promotion wrote it before a restart, PROMOTED again
 * without a second clone); else one {@code CREATE OR REPLACE ... SHALLOW CLONE ... VERSION AS OF}
 * writes data and lineage together, and the target's history must then show that clone.
 */
public final class Promoter {

  private final Warehouse warehouse;
  private final Clock clock;
  private final String promotedBy;

  public Promoter(Warehouse warehouse, Clock clock, String promotedBy) {
    this.warehouse = warehouse;
    this.clock = clock;
    this.promotedBy = promotedBy;
  }

  public PromotionOutcome promote(PromotionRequest request, CloneType cloneType) {
    if (!request.qcPassed()) {
      return PromotionOutcome.blocked("QC failed: " + request.qcProblems());
    }
    if (request.approvalRequiredFor() != null) {
      return PromotionOutcome.blocked("awaiting approval: " + request.approvalRequiredFor() + "; "
          + request.target() + " is unchanged until a person approves this version");
    }
    Long previous = null;
    try {
      Optional<Lineage> lineage = warehouse.tableExists(request.target())
          ? Lineage.fromProperties(warehouse.properties(request.target()))
          : Optional.empty();
      previous = lineage.filter(held -> held.promotedFrom().equals(request.source()))
          .map(Lineage::promotedVersion).orElse(null);
      if (lineage.isPresent() && lineage.get().holds(request.source(), request.version())) {
        return alreadyHeld(request, lineage.get(), previous);
      }
      if (request.noChange()) {
        return new PromotionOutcome(PromotionStatus.SKIPPED, null, previous, false,
            "no data or schema change since the version " + request.target() + " holds");
      }
      return cloneAndVerify(request, previous, cloneType);
    } catch (WarehouseException e) {
      return PromotionOutcome.failed(previous, e.getMessage());
    }
  }

  private PromotionOutcome alreadyHeld(PromotionRequest request, Lineage lineage, Long previous) {
    if (request.promotionId().equals(lineage.promotionId())) {
      long targetVersion = warehouse.history(request.target(), 1).get(0).version();
      return new PromotionOutcome(PromotionStatus.PROMOTED, targetVersion, previous, false, null);
    }
    return new PromotionOutcome(PromotionStatus.SKIPPED, null, previous, false,
        request.target() + " already holds version " + request.version() + " of " + request.source()
            + " (promotion " + lineage.promotionId() + ")");
  }

  private PromotionOutcome cloneAndVerify(PromotionRequest request, Long previous, CloneType cloneType) {
    Lineage lineage = new Lineage(request.source(), request.version(), request.releaseTag(), clock.instant(),
        request.promotionId());
    CloneResult result = warehouse.clone(new CloneRequest(request.source(), request.version(), request.target(), cloneType,
        lineage.toProperties(promotedBy)));
    HistoryEntry commit = warehouse.history(request.target(), 1).get(0);
    String problem = CloneVerification.problem(commit, request.source(), request.version(), result.targetVersion());
    if (problem != null) {
      return new PromotionOutcome(PromotionStatus.FAILED, result.targetVersion(), previous, true,
          "the clone ran but " + request.target() + " does not verify: " + problem);
    }
    return new PromotionOutcome(PromotionStatus.PROMOTED, result.targetVersion(), previous, true, null);
  }
}
