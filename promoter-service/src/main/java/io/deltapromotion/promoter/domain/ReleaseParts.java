package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Part;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the owner of one table of a release does with each phase the release's coordinator orders it
 * ({@link ReleaseCoordinator}). PREPARE: the table's gates are checked (the order stands for its
 * approval); it is held for the release (a BLOCKED hop waiting for {@link Wait.Release}), or refused (a
 * final BLOCKED saying why). GO: the held version is cloned (PROMOTED, or FAILED). ABORT: another table
 * was refused, so the held hop ends BLOCKED and the table unchanged. UNDO: another table's clone failed,
 * so this table's clone is undone (ROLLED_BACK). Each phase is answered once, whatever is delivered twice:
 * a table's newest outcome of the release says what it answered last.
 */
public final class ReleaseParts {

  private final Ladder ladder;
  private final Promoter promoter;
  private final PromotionLog log;
  private final ReleasePromoter plans;
  private final Gates gates;

  public ReleaseParts(Ladder ladder, Promoter promoter, PromotionLog log, ReleasePromoter plans, Clock clock) {
    this.ladder = ladder;
    this.promoter = promoter;
    this.log = log;
    this.plans = plans;
    this.gates = new Gates(ladder, log, clock);
  }

  /**
   * The table's answer to the phase; empty when it answered already (or there is nothing to answer).
   *
   * @throws CommandRefusedException when the part names a stage or table outside the ladder
   */
  public List<Hop> carryOut(ReleaseOrder part) {
    if (!part.isPart()) {
      throw new IllegalArgumentException("release order " + part.releaseId() + " is the operator's, not a part of it");
    }
    gates.firstStageTable(part.source());
    int index = gates.writtenStage(part.stage());
    Optional<RecordedOutcome> answered = log.answerTo(part.releaseId(), part.source());
    Optional<Hop> hop = switch (part.phase()) {
      case PREPARE -> answered.isPresent() ? Optional.empty() : Optional.of(prepare(part, index));
      case GO -> answered.filter(ReleaseParts::isHeld).map(held -> go(part, index, held));
      case ABORT -> answered.filter(ReleaseParts::isHeld).map(held -> abort(part, index, held));
      case UNDO -> answered.filter(outcome -> outcome.status() == PromotionStatus.PROMOTED).map(cloned -> undo(part, index, cloned));
    };
    return hop.map(List::of).orElse(List.of());
  }

  private Hop prepare(ReleaseOrder part, int index) {
    TableVersion item = part.items().get(0);
    TableName target = ladder.tableIn(item.source(), index);
    PromotionPlan.Step step;
    try {
      Optional<ReleaseOrder> other = log.releasesHolding(item.source()).stream()
          .filter(holding -> !holding.releaseId().equals(part.releaseId())).findFirst();
      if (other.isPresent()) {
        throw new CommandRefusedException(item.source() + " is in " + other.get().subject() + ", which is not over", false);
      }
      step = plans.check(index, part.releaseTag(), List.of(item), part.actor()).steps().get(0);
    } catch (CommandRefusedException refused) {
      // The release's own outcome, not the version's (whose way up the ladder goes on).
      return new Hop(part.releaseId(), part.releaseId(), item.source(), item.version(), target, part.stage(), part.releaseTag(),
          PromotionOutcome.blocked(part.subject() + " was not carried out: " + refused.getMessage()), null, null);
    }
    if (step.alreadyThere()) {
      return unchanged(part, item, target);
    }
    Wait wait = new Wait.Release(part.releaseTag());
    return new Hop(step.promotionId(), part.releaseId(), item.source(), item.version(), target, part.stage(),
        part.releaseTag(), PromotionOutcome.blocked("awaiting " + wait.description() + "; " + target
            + " is unchanged meanwhile"), wait, null);
  }

  private Hop go(ReleaseOrder part, int index, RecordedOutcome held) {
    TableName target = ladder.tableIn(held.source(), index);
    if (log.held(held.source(), part.stage()).filter(now -> now.version() == held.version()).isPresent()) {
      return unchanged(part, new TableVersion(held.source(), held.version()), target);
    }
    CloneType cloneType = ladder.stage(index).entry().cloneType();
    PromotionOutcome outcome;
    try {
      outcome = promoter.promote(new StageWrite(held.promotionId(), held.source(), held.version(), target,
          part.releaseTag()), cloneType);
    } catch (WarehouseException e) {
      outcome = PromotionOutcome.failed(heldNow(held.source(), part.stage()), "cannot read " + target + ": " + e.getMessage());
    }
    if (outcome.status() == PromotionStatus.FAILED || outcome.status() == PromotionStatus.BLOCKED) {
      outcome = new PromotionOutcome(PromotionStatus.FAILED, outcome.targetDeltaVersion(), outcome.previousPromotedVersion(),
          outcome.cloned(), outcome.message() + "; " + part.subject() + " FAILED here: every table of it that was "
              + "cloned is rolled back");
    }
    return hop(part, held, held.version(), target, outcome, outcome.cloned() ? cloneType : null);
  }

  private Hop abort(ReleaseOrder part, int index, RecordedOutcome held) {
    TableName target = ladder.tableIn(held.source(), index);
    List<TableName> refused = log.releaseState(part.releaseId()).map(state -> state.in(Part.REFUSED)).orElse(List.of());
    // The release's own outcome, not the version's: its way up the ladder goes on once the release is over.
    return new Hop(part.releaseId(), part.releaseId(), held.source(), held.version(), target, part.stage(),
        part.releaseTag(), PromotionOutcome.blocked(part.subject() + " was not carried out: " + (refused.isEmpty()
            ? "a table of it" : refused) + " may not enter " + part.stage() + "; " + target + " is unchanged"), null, null);
  }

  private Hop undo(ReleaseOrder part, int index, RecordedOutcome cloned) {
    TableName target = ladder.tableIn(cloned.source(), index);
    List<TableName> failed = log.releaseState(part.releaseId()).map(state -> state.in(Part.FAILED)).orElse(List.of());
    String cause = part.subject() + " failed at " + (failed.isEmpty() ? "another table" : failed);
    Long before = heldBefore(cloned);
    try {
      Promoter.Undone undone = promoter.undoClone(target, cloned.promotionId());
      return hop(part, cloned, before, target, new PromotionOutcome(PromotionStatus.ROLLED_BACK, undone.targetVersion(),
          cloned.version(), false, cause + ": version " + cloned.version() + " was cloned, then rolled back: "
              + undone.description()), null);
    } catch (WarehouseException e) {
      return hop(part, cloned, cloned.version(), target, PromotionOutcome.failed(before, cause + "; rolling " + target
          + " back failed, so it still holds version " + cloned.version() + ": " + e.getMessage()), null);
    }
  }

  /**
   * The stage holds the version already, its own hop there over: the release's own outcome (its order's id
   * as the promotion), so that hop is not decided twice.
   */
  private static Hop unchanged(ReleaseOrder part, TableVersion item, TableName target) {
    return new Hop(part.releaseId(), part.releaseId(), item.source(), item.version(), target, part.stage(),
        part.releaseTag(), new PromotionOutcome(PromotionStatus.SKIPPED, null, item.version(), false, target
            + " holds version " + item.version() + " already; " + part.subject() + " leaves it as it is"), null, null);
  }

  /** The version the stage held before the release cloned it; null when none. */
  private Long heldBefore(RecordedOutcome cloned) {
    List<PromotionLog.Held> history = log.heldBefore(cloned.source(), cloned.stage());
    for (int index = history.size() - 1; index > 0; index--) {
      if (history.get(index).since().eventId().equals(cloned.eventId())) {
        return history.get(index - 1).version();
      }
    }
    return null;
  }

  private Long heldNow(TableName source, String stage) {
    return log.held(source, stage).map(PromotionLog.Held::version).orElse(null);
  }

  private static boolean isHeld(RecordedOutcome answer) {
    return !answer.isFinal() && answer.waitingFor() instanceof Wait.Release;
  }

  private Hop hop(ReleaseOrder part, RecordedOutcome held, Long version, TableName target, PromotionOutcome outcome,
      CloneType cloneType) {
    return new Hop(held.promotionId(), part.releaseId(), held.source(), version, target, part.stage(), part.releaseTag(),
        outcome, null, cloneType);
  }
}
