package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.Optional;

/**
 * Returns a stage's table to a version it held before, for an operator's rollback. Every commit it makes
 * is marked with a {@link CommitNote} naming the rollback; a warehouse that refuses gives FAILED with its
 * text, one that cannot be reached propagates (the rollback is decided again once it is back).
 */
public final class StageRollback {

  private final Warehouse warehouse;
  private final CloneLineage lineage;

  public StageRollback(Warehouse warehouse, Clock clock, String promotedBy) {
    this.warehouse = warehouse;
    this.lineage = new CloneLineage(warehouse, clock, promotedBy, CarriedComments.NONE);
  }

  /**
   * Returns the target to a source version it held before: RESTORE to the target's own version that held
   * it (one commit that brings back data and lineage together) or, when that is impossible (the version
   * was vacuumed, or is unknown), a new clone of the source at that version. Ends ROLLED_BACK, or FAILED
   * with both reasons; a target that already holds the version is left alone.
   */
  public PromotionOutcome rollBack(RollbackRequest request) {
    Long from = null;
    try {
      Optional<Lineage> holds = lineage.of(request.target());
      from = holds.filter(held -> held.promotedFrom().equals(request.source())).map(Lineage::promotedVersion).orElse(null);
      if (holds.isPresent() && holds.get().holds(request.source(), request.toVersion())) {
        return new PromotionOutcome(PromotionStatus.ROLLED_BACK, versionOf(request.target()), from, false,
            request.why() + "; " + request.target() + " already held version " + request.toVersion());
      }
    } catch (WarehouseException e) {
      return PromotionOutcome.failed(from, "rolling " + request.target() + " back failed: " + e.getMessage());
    }
    String restoreProblem = "the version of " + request.target() + " that held it is unknown";
    if (request.targetDeltaVersion() != null) {
      try {
        long restored = warehouse.restore(request.target(), request.targetDeltaVersion(),
            new CommitNote(CommitNote.Action.ROLLBACK, request.promotionId()));
        if (lineage.of(request.target()).filter(held -> held.holds(request.source(), request.toVersion())).isPresent()) {
          return new PromotionOutcome(PromotionStatus.ROLLED_BACK, restored, from, false, request.why()
              + "; RESTORE of " + request.target() + " to its version " + request.targetDeltaVersion());
        }
        restoreProblem = "after RESTORE to its version " + request.targetDeltaVersion() + " its lineage is not version "
            + request.toVersion() + " of " + request.source();
      } catch (WarehouseException e) {
        restoreProblem = "RESTORE failed: " + e.getMessage();
      }
    }
    return reclone(request, from, restoreProblem);
  }

  private PromotionOutcome reclone(RollbackRequest request, Long from, String restoreProblem) {
    try {
      CloneResult result = warehouse.clone(new CloneRequest(request.source(), request.toVersion(), request.target(),
          request.cloneType(), lineage.properties(request.source(), request.toVersion(), request.releaseTag(),
          request.promotionId()), new CommitNote(CommitNote.Action.ROLLBACK, request.promotionId())));
      String problem = CloneVerification.problem(result.newest(), request.source(), request.toVersion());
      if (problem != null) {
        return new PromotionOutcome(PromotionStatus.FAILED, result.targetVersion(), from, true, "rolling back to version "
            + request.toVersion() + ": " + restoreProblem + "; the re-clone ran but does not verify: " + problem);
      }
      return new PromotionOutcome(PromotionStatus.ROLLED_BACK, result.targetVersion(), from, true, request.why()
          + "; re-cloned version " + request.toVersion() + " of " + request.source() + " (" + restoreProblem + ")");
    } catch (WarehouseException e) {
      return PromotionOutcome.failed(from, "rolling " + request.target() + " back to version " + request.toVersion()
          + " failed: " + restoreProblem + "; re-cloning it from " + request.source() + " failed too: " + e.getMessage()
          + "; " + request.target() + " is unchanged");
    }
  }

  /** The table's own newest Delta version; null when it does not exist. */
  private Long versionOf(TableName table) {
    return warehouse.tableExists(table) ? warehouse.history(table, 1).get(0).version() : null;
  }
}
