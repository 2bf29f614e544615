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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The table property that is the table's comment (Spark's catalog property for it). */
  static final String TABLE_COMMENT = "comment";

  /** Commits read back to find a promotion's own clone: more than a promotion and its undo ever write. */
  private static final int HISTORY_READ = 20;

  private final Warehouse warehouse;
  private final Clock clock;
  private final String promotedBy;

  public Promoter(Warehouse warehouse, Clock clock, String promotedBy) {
    this.warehouse = warehouse;
    this.clock = clock;
    this.promotedBy = promotedBy;
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
      Optional<Lineage> lineage = lineageOf(request.target());
      previous = lineage.filter(held -> held.promotedFrom().equals(request.source()))
          .map(Lineage::promotedVersion).orElse(null);
      if (lineage.isPresent() && lineage.get().holds(request.source(), request.version())) {
        return alreadyHeld(request, lineage.get(), previous);
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
    Lineage lineage = new Lineage(request.source(), request.version(), request.releaseTag(), clock.instant(),
        request.promotionId());
    CloneResult result = warehouse.clone(new CloneRequest(request.source(), request.version(), request.target(), cloneType,
        cloneProperties(lineage), new CommitNote(CommitNote.Action.PROMOTE, request.promotionId())));
    HistoryEntry commit = warehouse.history(request.target(), 1).get(0);
    String problem = CloneVerification.problem(commit, request.source(), request.version(), result.targetVersion());
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

  /** The table's own newest Delta version; null when it does not exist. */
  public Long versionOf(TableName table) {
    return warehouse.tableExists(table) ? warehouse.history(table, 1).get(0).version() : null;
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
   * What undoing a clone did.
   *
   * @param targetVersion the table's own version afterwards; null when it was dropped
   * @param description what was done, for an outcome's message
   */
  public record Undone(Long targetVersion, String description) {}

  /**
   * Returns the target to a source version it held before: RESTORE to the target's own version that held
   * it (one commit that brings back data and lineage together) or, when that is impossible (the version
   * was vacuumed, or is unknown), a new clone of the source at that version. Ends ROLLED_BACK, or FAILED
   * with both reasons; a target that already holds the version is left alone.
   */
  public PromotionOutcome rollBack(RollbackRequest request) {
    Long from = null;
    try {
      Optional<Lineage> lineage = lineageOf(request.target());
      from = lineage.filter(held -> held.promotedFrom().equals(request.source())).map(Lineage::promotedVersion).orElse(null);
      if (lineage.isPresent() && lineage.get().holds(request.source(), request.toVersion())) {
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
        if (lineageOf(request.target()).filter(held -> held.holds(request.source(), request.toVersion())).isPresent()) {
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
    Lineage lineage = new Lineage(request.source(), request.toVersion(), request.releaseTag(), clock.instant(),
        request.promotionId());
    try {
      CloneResult result = warehouse.clone(new CloneRequest(request.source(), request.toVersion(), request.target(),
          request.cloneType(), cloneProperties(lineage), new CommitNote(CommitNote.Action.ROLLBACK, request.promotionId())));
      String problem = CloneVerification.problem(warehouse.history(request.target(), 1).get(0), request.source(),
          request.toVersion(), result.targetVersion());
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

  /** Whether every data file of the table's current version can be opened. */
  public boolean readable(TableName table) {
    try {
      warehouse.readEveryFile(table, null);
      return true;
    } catch (WarehouseException e) {
      return false;
    }
  }

  /**
   * Checks that the stage's table can still be read (a VACUUM on the source breaks a shallow clone) and,
   * when it cannot, re-clones the version it holds while the source still has it.
   *
   * @return empty when the table is readable; PROMOTED (its message says what was repaired) or FAILED
   *     with both reasons when the source version cannot be read either
   */
  public Optional<PromotionOutcome> repairIfBroken(RollbackRequest held) {
    Optional<PromotionOutcome> refilled = restoreIfEmptiedForAClone(held);
    if (refilled.isPresent()) {
      return refilled;
    }
    String broken;
    try {
      warehouse.readEveryFile(held.target(), null);
      return Optional.empty();
    } catch (WarehouseException e) {
      broken = e.getMessage();
    }
    String unreadable = held.target() + " cannot be read (" + broken + ")";
    try {
      warehouse.readEveryFile(held.source(), held.toVersion());
    } catch (WarehouseException e) {
      return Optional.of(PromotionOutcome.failed(held.toVersion(), unreadable + "; it cannot be repaired: version "
          + held.toVersion() + " of " + held.source() + " cannot be read either (" + e.getMessage() + ")"));
    }
    try {
      CloneResult result = warehouse.clone(new CloneRequest(held.source(), held.toVersion(), held.target(), held.cloneType(),
          cloneProperties(new Lineage(held.source(), held.toVersion(), held.releaseTag(), clock.instant(), held.promotionId())),
          new CommitNote(CommitNote.Action.REPAIR, held.promotionId())));
      warehouse.readEveryFile(held.target(), null);
      return Optional.of(new PromotionOutcome(PromotionStatus.PROMOTED, result.targetVersion(), held.toVersion(), true,
          "repaired: " + unreadable + "; version " + held.toVersion() + " of " + held.source() + " was cloned again"));
    } catch (WarehouseException e) {
      return Optional.of(PromotionOutcome.failed(held.toVersion(), unreadable + "; re-cloning version " + held.toVersion()
          + " of " + held.source() + " failed: " + e.getMessage()));
    }
  }

  /**
   * Open-source Delta empties a target in a commit of its own before cloning onto it: a crash or an outage
   * between the two commits leaves the stage's table empty, under the lineage of the version it held. Such
   * a table (its newest commit is that emptying) is restored to the commit before, which holds that
   * version again; the interrupted promotion, when it is decided again, clones as if nothing happened.
   */
  private Optional<PromotionOutcome> restoreIfEmptiedForAClone(RollbackRequest held) {
    if (!warehouse.tableExists(held.target())) {
      return Optional.empty();
    }
    HistoryEntry newest = warehouse.history(held.target(), 1).get(0);
    Optional<CommitNote> emptying = newest.note().filter(note -> note.action() == CommitNote.Action.EMPTY_BEFORE_CLONE);
    if (emptying.isEmpty() || newest.version() == 0) {
      return Optional.empty();
    }
    long before = newest.version() - 1;
    long restored = warehouse.restore(held.target(), before, new CommitNote(CommitNote.Action.UNDO, emptying.get().id()));
    return Optional.of(new PromotionOutcome(PromotionStatus.PROMOTED, restored, held.toVersion(), false, "repaired: "
        + held.target() + " was left empty by promotion " + emptying.get().id() + ", interrupted between emptying it "
        + "and cloning onto it; it was restored to its version " + before + ", which holds version " + held.toVersion()
        + " of " + held.source()));
  }

  /**
   * The lineage, and the source's table comment at the version: a clone carries the column comments (they
   * are part of the schema) but not the table's own, which the {@value #TABLE_COMMENT} property sets in the
   * same commit.
   */
  private Map<String, String> cloneProperties(Lineage lineage) {
    Map<String, String> properties = new LinkedHashMap<>(lineage.toProperties(promotedBy));
    warehouse.tableCommentAt(lineage.promotedFrom(), lineage.promotedVersion())
        .ifPresent(comment -> properties.put(TABLE_COMMENT, comment));
    return properties;
  }

  private Optional<Lineage> lineageOf(TableName table) {
    return warehouse.tableExists(table) ? Lineage.fromProperties(warehouse.properties(table)) : Optional.empty();
  }
}
