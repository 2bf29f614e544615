package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a stage's table readable: a shallow clone breaks when VACUUM removes the source files it points
 * to, and a clone interrupted between emptying the table and writing it leaves the table empty. Each
 * repair commit carries a {@link CommitNote}: REPAIR naming the promotion whose version it clones again,
 * or UNDO naming the promotion whose interrupted clone it undoes.
 */
public final class StageRepair {

  private final Warehouse warehouse;
  private final CloneLineage lineage;

  public StageRepair(Warehouse warehouse, Clock clock, String promotedBy) {
    this.warehouse = warehouse;
    this.lineage = new CloneLineage(warehouse, clock, promotedBy, CarriedComments.NONE);
  }

  /** Whether every data file of the table's current version can be opened. */
  private static final int FOREIGN_COMMITS_READ = 10;

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
          lineage.properties(held.source(), held.toVersion(), held.releaseTag(), held.promotionId()),
          new CommitNote(CommitNote.Action.REPAIR, held.promotionId())));
      warehouse.readEveryFile(held.target(), null);
      return Optional.of(new PromotionOutcome(PromotionStatus.PROMOTED, result.targetVersion(), held.toVersion(), true,
          "repaired: " + unreadable + "; version " + held.toVersion() + " of " + held.source() + " was cloned again"));
    } catch (WarehouseException e) {
      return Optional.of(PromotionOutcome.failed(held.toVersion(), unreadable + "; re-cloning version " + held.toVersion()
          + " of " + held.source() + " failed: " + e.getMessage()));
    }
  }

  /** Commits that rewrite files but not what the table holds: a platform's maintenance, not a write. */
  private static final Set<String> MAINTENANCE = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END", "REORG", "ANALYZE",
      "COMPUTE STATS");

  /**
   * The newest commit to the stage's table that neither the promoter nor maintenance made, after the
   * commit the promoter last wrote it with: a write by someone else, so the table may no longer hold what
   * was promoted. The promoter marks its own commits with a {@link CommitNote}.
   *
   * @param promotedDeltaVersion the table's version the promoter's last write left
   */
  public Optional<HistoryEntry> writtenOutsideThePromoter(TableName target, long promotedDeltaVersion) {
    if (!warehouse.tableExists(target)) {
      return Optional.empty();
    }
    return warehouse.history(target, FOREIGN_COMMITS_READ).stream()
        .filter(commit -> commit.version() > promotedDeltaVersion && commit.note().isEmpty()
            && !MAINTENANCE.contains(commit.operation()))
        .findFirst();
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
}
