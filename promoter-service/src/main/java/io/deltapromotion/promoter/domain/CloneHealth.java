package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The periodic check that every stage's table still reads. A shallow clone references its source's
 * files, so a VACUUM on the source can break it. A broken one is re-cloned at the version it holds
 * while the source can still give that version (the outcome is PROMOTED with a message saying what was
 * repaired), otherwise it is reported FAILED with the reason. Either way people are alerted, once: a
 * table that stays broken is not reported again until it reads or holds another version (or the
 * promoter restarts).
 *
 * <p>The check also finds a stage's table written by someone other than the promoter (a commit after
 * the promoter's last one, without its note, that is not maintenance): that promotion's outcome becomes
 * FAILED saying who wrote what and when, once per foreign commit, and the table is left as it is for
 * people to look at (a rollback or a new promotion writes it back).
 */
public final class CloneHealth {

  private final Ladder ladder;
  private final StageRepair repair;
  private final PromotionLog log;
  private final Set<Reported> reportedBroken = ConcurrentHashMap.newKeySet();
  private final Set<Reported> reportedWrittenOutside = ConcurrentHashMap.newKeySet();

  /**
   * A stage's table at a version: reported broken while it held that source version, or written outside
   * the promoter at that version of its own.
   */
  private record Reported(TableName target, long version) {}

  public CloneHealth(Ladder ladder, StageRepair repair, PromotionLog log) {
    this.ladder = ladder;
    this.repair = repair;
    this.log = log;
  }

  /**
   * The outcomes of the table's stage tables that are broken or were written outside the promoter: empty when
   * every stage that holds a version reads and holds only what the promoter wrote.
   */
  public List<Hop> check(TableName source) {
    List<Hop> hops = new ArrayList<>();
    for (int index = 1; index < ladder.size(); index++) {
      Stage stage = ladder.stage(index);
      int position = index;
      log.held(source, stage.name()).ifPresent(held -> {
        TableName target = ladder.tableIn(source, position);
        RollbackRequest keep = new RollbackRequest(source, held.version(), target, held.targetDeltaVersion(),
            held.since().promotionId(), held.since().releaseTag(), stage.entry().cloneType(), "clone health check");
        Reported key = new Reported(target, held.version());
        if (reportedBroken.contains(key) && !repair.readable(target)) {
          return;
        }
        reportedBroken.remove(key);
        Optional<PromotionOutcome> repaired = repair.repairIfBroken(keep);
        repaired.ifPresent(outcome -> {
          if (outcome.status() == PromotionStatus.FAILED) {
            reportedBroken.add(key);
          }
          hops.add(new Hop(held.since().promotionId(), held.since().eventId(), source, held.version(), target,
              stage.name(), held.since().releaseTag(), outcome, null, outcome.cloned() ? stage.entry().cloneType() : null));
        });
        if (repaired.isEmpty() && held.targetDeltaVersion() != null) {
          writtenOutside(source, stage, target, held).ifPresent(hops::add);
        }
      });
    }
    return hops;
  }

  /** The FAILED outcome of the held promotion when someone else wrote the table since: once per foreign commit. */
  private Optional<Hop> writtenOutside(TableName source, Stage stage, TableName target, PromotionLog.Held held) {
    return repair.writtenOutsideThePromoter(target, held.targetDeltaVersion())
        .filter(commit -> reportedWrittenOutside.add(new Reported(target, commit.version())))
        .map(commit -> new Hop(held.since().promotionId(), held.since().eventId(), source, held.version(), target,
            stage.name(), held.since().releaseTag(), PromotionOutcome.failed(held.version(), target
                + " was written outside the promoter: its version " + commit.version() + " (" + commit.operation() + " at "
                + commit.timestamp() + ") came after version " + held.targetDeltaVersion() + ", the promoter's write of "
                + "version " + held.version() + " of " + source + "; it may no longer hold what was promoted (roll it back "
                + "or promote again to write it back)"), null, null));
  }
}
