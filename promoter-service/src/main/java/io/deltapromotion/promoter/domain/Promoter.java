package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The only writer to the target: writes a version its gates let into a stage. The target's lineage decides: if it already holds
 * the version it is SKIPPED (or, when this very promotion wrote it before a restart, PROMOTED again
 * without a second clone); else one {@code CREATE OR REPLACE ... SHALLOW CLONE ... VERSION AS OF}
 * writes data and lineage together, and the target's history must then show that clone. A clone that
 * does not verify is undone at once (the target is restored to the version it had, or dropped when it
 * had none) and the promotion ends FAILED saying so.
 *
 * <p>Every commit it makes is marked with a {@link CommitNote} naming the promotion. A warehouse that
 * refuses a statement gives the outcome FAILED with its text; one that cannot be reached is not an
 * outcome at all ({@link io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException}
 * propagates, and the decision is taken again once it is back, reading the target first, so a write
 * that went through before the answer was lost is recognised, not repeated).
 */
public final class Promoter {

  /** Commits read back to find a promotion's own clone: more than a promotion and its undo ever write. */
  private static final int HISTORY_READ = 20;

  private final Warehouse warehouse;
  private final CloneLineage lineage;

  public Promoter(Warehouse warehouse, Clock clock, String promotedBy) {
    this(warehouse, clock, promotedBy, CarriedComments.NONE);
  }

  /** @param carried the source versions' comments their events carried, written without reading them again */
  public Promoter(Warehouse warehouse, Clock clock, String promotedBy, CarriedComments carried) {
    this.warehouse = warehouse;
    this.lineage = new CloneLineage(warehouse, clock, promotedBy, carried);
  }

  /** Writes the version into the stage's table, unless the table holds it already. */
  public PromotionOutcome promote(StageWrite request, CloneType cloneType) {
    return promote(request, cloneType, true);
  }

  /**
   * A version the detector found unchanged since the one the stage holds: SKIPPED, nothing written (or
   * PROMOTED again when this very promotion wrote the table before a restart).
   */
  public PromotionOutcome confirmUnchanged(StageWrite request) {
    return promote(request, null, false);
  }

  private PromotionOutcome promote(StageWrite request, CloneType cloneType, boolean changed) {
    Long previous = null;
    try {
      Optional<Lineage> holds = lineage.of(request.target());
      previous = holds.filter(held -> held.promotedFrom().equals(request.source()))
          .map(Lineage::promotedVersion).orElse(null);
      if (holds.isPresent() && holds.get().holds(request.source(), request.version())) {
        return alreadyHeld(request, holds.get(), previous);
      }
      if (!changed) {
        return new PromotionOutcome(PromotionStatus.SKIPPED, null, previous, false,
            "no data or schema change since the version " + request.target() + " holds");
      }
      return cloneAndVerify(request, previous, cloneType);
    } catch (WarehouseException e) {
      return PromotionOutcome.failed(previous, e.getMessage());
    }
  }

  private PromotionOutcome alreadyHeld(StageWrite request, Lineage lineage, Long previous) {
    if (request.promotionId().equals(lineage.promotionId())) {
      List<HistoryEntry> history = warehouse.history(request.target(), HISTORY_READ);
      return new PromotionOutcome(PromotionStatus.PROMOTED, history.get(0).version(), previous, false, null,
          versionBeforeClone(history, request.promotionId()));
    }
    return new PromotionOutcome(PromotionStatus.SKIPPED, null, previous, false,
        request.target() + " already holds version " + request.version() + " of " + request.source()
            + " (promotion " + lineage.promotionId() + ")");
  }

  /**
   * The target's own version before this promotion's clone, read back from its history (after a restart,
   * the clone was made by an earlier life of this promoter): the commit before the clone, or before the
   * emptying that preceded it on open-source Delta; null when the clone created the table.
   */
  private static Long versionBeforeClone(List<HistoryEntry> newestFirst, String promotionId) {
    for (int index = 0; index < newestFirst.size(); index++) {
      HistoryEntry entry = newestFirst.get(index);
      if (entry.note().filter(note -> note.action() == CommitNote.Action.PROMOTE && note.id().equals(promotionId)).isPresent()) {
        boolean emptiedFirst = index + 1 < newestFirst.size() && newestFirst.get(index + 1).note()
            .filter(note -> note.action() == CommitNote.Action.EMPTY_BEFORE_CLONE).isPresent();
        long before = entry.version() - (emptiedFirst ? 2 : 1);
        return before < 0 ? null : before;
      }
    }
    long newest = newestFirst.get(0).version();
    return newest == 0 ? null : newest - 1;
  }

  private PromotionOutcome cloneAndVerify(StageWrite request, Long previous, CloneType cloneType) {
    CloneResult result = warehouse.clone(new CloneRequest(request.source(), request.version(), request.target(), cloneType,
        lineage.properties(request.source(), request.version(), request.releaseTag(), request.promotionId()),
        new CommitNote(CommitNote.Action.PROMOTE, request.promotionId())));
    String problem = CloneVerification.problem(result.newest(), request.source(), request.version());
    if (problem != null) {
      String failure = "the clone ran but " + request.target() + " does not verify: " + problem;
      try {
        return PromotionOutcome.failed(previous, failure + "; "
            + undo(request.target(), result.versionBefore(), request.promotionId()).description());
      } catch (WarehouseException e) {
        return new PromotionOutcome(PromotionStatus.FAILED, result.targetVersion(), previous, true,
            failure + "; undoing the clone failed too, so " + request.target() + " is left as the clone wrote it: "
                + e.getMessage());
      }
    }
    return new PromotionOutcome(PromotionStatus.PROMOTED, result.targetVersion(), previous, true, null,
        result.versionBefore());
  }

  /**
   * Returns the table to its own version {@code before} (one RESTORE commit, marked as undoing the
   * promotion), or drops it when it did not exist before ({@code before} null).
   */
  public Undone undo(TableName table, Long before, String promotionId) {
    if (before == null) {
      warehouse.dropTable(table);
      return new Undone(null, "it did not exist before, so it was dropped");
    }
    long restored = warehouse.restore(table, before, new CommitNote(CommitNote.Action.UNDO, promotionId));
    return new Undone(restored, "it was restored to its version " + before + " (now at version " + restored + ")");
  }

  /**
   * Undoes this promotion's clone of the table, found in the table's history: restores the version before
   * it, or drops the table when the clone created it. Done once: when an earlier try already undid it (and
   * stopped before reporting), nothing more is written.
   */
  public Undone undoClone(TableName table, String promotionId) {
    if (!warehouse.tableExists(table)) {
      return new Undone(null, "it did not exist before the clone, and it no longer does");
    }
    List<HistoryEntry> history = warehouse.history(table, HISTORY_READ);
    HistoryEntry newest = history.get(0);
    if (newest.note().filter(note -> note.action() == CommitNote.Action.UNDO && note.id().equals(promotionId)).isPresent()) {
      return new Undone(newest.version(), "it was restored to what it held before the clone (now at version "
          + newest.version() + ")");
    }
    return undo(table, versionBeforeClone(history, promotionId), promotionId);
  }

  /**
   * What undoing a clone did.
   *
   * @param targetVersion the table's own version afterwards; null when it was dropped
   * @param description what was done, for an outcome's message
   */
  public record Undone(Long targetVersion, String description) {}
}
