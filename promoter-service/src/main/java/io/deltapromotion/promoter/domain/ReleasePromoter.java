package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out operators' promote orders: one table version, or every table of a release, into a stage
 * now, as one unit. Every version must pass its gates (the order stands for the approval) before any is
 * cloned; if a clone fails midway, the tables this order already cloned are rolled back, and every table
 * ends with its own outcome saying what happened to it.
 */
public final class ReleasePromoter {

  private final Ladder ladder;
  private final Promoter promoter;
  private final PromotionLog log;
  private final Gates gates;

  public ReleasePromoter(Ladder ladder, Promoter promoter, PromotionLog log, Clock clock) {
    this.ladder = ladder;
    this.promoter = promoter;
    this.log = log;
    this.gates = new Gates(ladder, log, clock);
  }

  /**
   * The plan for a release (by tag) or one table (its version, by default the one the stage before holds)
   * entering the stage.
   *
   * @throws CommandRefusedException when something named is unknown, or any version may not enter now
   */
  public PromotionPlan plan(String stage, String releaseTag, TableName table, Long version) {
    int index = gates.writtenStage(stage);
    List<TableVersion> items;
    if (releaseTag != null) {
      items = log.release(releaseTag).stream().map(verdict -> new TableVersion(verdict.source(), verdict.version())).toList();
      if (items.isEmpty()) {
        throw new CommandRefusedException("no table version with release tag '" + releaseTag + "' is known", true);
      }
    } else {
      gates.firstStageTable(table);
      items = List.of(new TableVersion(table, version != null ? version : defaultVersion(table, index)));
    }
    return check(index, releaseTag, items);
  }

  /**
   * The outcome of every table of the order; empty when the order was carried out before.
   *
   * @throws CommandRefusedException when the order names a stage or table outside the ladder
   */
  public List<Hop> promote(PromoteCommand command) {
    int index = gates.writtenStage(command.stage());
    command.items().forEach(item -> gates.firstStageTable(item.source()));
    if (command.items().stream().anyMatch(item -> log.hasOutcomeCausedBy(command.commandId(), item.source()))) {
      return List.of();
    }
    PromotionPlan plan;
    try {
      plan = check(index, command.releaseTag(), command.items());
    } catch (CommandRefusedException refused) {
      return command.items().stream().map(item -> hop(command, index, new PromotionPlan.Step(item,
          ladder.tableIn(item.source(), index), command.commandId(), command.releaseTag(), null), item.version(),
          PromotionOutcome.blocked(command.subject() + " was not carried out: " + refused.getMessage()), false)).toList();
    }
    List<Hop> hops = new ArrayList<>();
    List<Cloned> cloned = new ArrayList<>();
    for (PromotionPlan.Step step : plan.steps()) {
      PromotionOutcome outcome;
      try {
        outcome = promoter.promote(new StageWrite(step.promotionId(), step.item().source(), step.item().version(),
            step.target(), step.releaseTag()), cloneTypeOf(index));
      } catch (WarehouseException e) {
        outcome = PromotionOutcome.failed(step.heldNow(), "cannot read " + step.target() + ": " + e.getMessage());
      }
      if (outcome.status() != PromotionStatus.PROMOTED && outcome.status() != PromotionStatus.SKIPPED) {
        return failedMidway(command, index, plan, step, outcome, hops, cloned);
      }
      hops.add(hop(command, index, step, step.item().version(), outcome, outcome.cloned()));
      if (outcome.status() == PromotionStatus.PROMOTED) {
        // Cloned now, or by this very order before a crash stopped it from reporting: undone alike.
        cloned.add(new Cloned(step, outcome.targetVersionBefore(), hops.size() - 1));
      }
    }
    return hops;
  }

  private List<Hop> failedMidway(PromoteCommand command, int index, PromotionPlan plan, PromotionPlan.Step failed,
      PromotionOutcome failure, List<Hop> hops, List<Cloned> cloned) {
    String cause = command.subject() + " failed at " + failed.item().source() + " (" + failure.message() + ")";
    for (int last = cloned.size() - 1; last >= 0; last--) {
      Cloned done = cloned.get(last);
      hops.set(done.hop(), rollBack(command, index, done, cause));
    }
    String undone = cloned.isEmpty() ? "nothing of it had been cloned"
        : "rolled back " + cloned.stream().map(done -> done.step().target().toString()).toList();
    hops.add(hop(command, index, failed, failed.item().version(), new PromotionOutcome(PromotionStatus.FAILED,
        failure.targetDeltaVersion(), failure.previousPromotedVersion(), failure.cloned(),
        failure.message() + "; " + command.subject() + " FAILED here: " + undone), false));
    for (PromotionPlan.Step notTried : plan.steps().subList(plan.steps().indexOf(failed) + 1, plan.steps().size())) {
      hops.add(hop(command, index, notTried, notTried.item().version(), PromotionOutcome.blocked(cause + " before "
          + notTried.target() + " was cloned; it is unchanged"), false));
    }
    return hops;
  }

  private Hop rollBack(PromoteCommand command, int index, Cloned done, String cause) {
    PromotionPlan.Step step = done.step();
    try {
      Promoter.Undone undone = promoter.undo(step.target(), done.targetVersionBefore(), step.promotionId());
      return hop(command, index, step, step.heldNow(), new PromotionOutcome(PromotionStatus.ROLLED_BACK,
          undone.targetVersion(), step.item().version(), false, cause + ": version " + step.item().version()
              + " was cloned, then rolled back: " + undone.description()), false);
    } catch (WarehouseException e) {
      return hop(command, index, step, step.item().version(), PromotionOutcome.failed(step.heldNow(), cause
          + "; rolling " + step.target() + " back failed, so it still holds version " + step.item().version() + ": "
          + e.getMessage()), false);
    }
  }

  private PromotionPlan check(int index, String releaseTag, List<TableVersion> items) {
    String stage = ladder.stage(index).name();
    List<String> refusals = new ArrayList<>();
    List<PromotionPlan.Step> steps = new ArrayList<>();
    for (TableVersion item : items) {
      gates.firstStageTable(item.source());
      List<String> itemRefusals = new ArrayList<>(gates.refusals(item.source(), item.version(), index));
      Optional<String> promotionId = promotionIdOf(item);
      if (promotionId.isEmpty()) {
        itemRefusals.add("nothing is known of this version");
      }
      itemRefusals.forEach(refusal -> refusals.add(item.source() + " version " + item.version() + ": " + refusal));
      steps.add(new PromotionPlan.Step(item, ladder.tableIn(item.source(), index), promotionId.orElse(null),
          releaseTag != null ? releaseTag : log.verdict(item.source(), item.version()).map(QcVerdict::releaseTag).orElse(null),
          log.held(item.source(), stage).map(PromotionLog.Held::version).orElse(null)));
    }
    if (!refusals.isEmpty()) {
      throw new CommandRefusedException((releaseTag == null ? "" : "release " + releaseTag + ": ") + "nothing may enter "
          + stage + " until every table may: " + String.join("; ", refusals), false);
    }
    return new PromotionPlan(stage, releaseTag, steps);
  }

  private long defaultVersion(TableName table, int index) {
    if (index == 1) {
      return log.newestReport(table).map(QcVerdict::version).orElseThrow(() -> new CommandRefusedException(
          "no QC report of " + table + " is known", false));
    }
    String previous = ladder.stage(index - 1).name();
    return log.held(table, previous).map(PromotionLog.Held::version).orElseThrow(() -> new CommandRefusedException(
        previous + " holds no version of " + table + " yet", false));
  }

  /** The promotion of the version's way up the ladder: from its QC report, else from a stage that holds it. */
  private Optional<String> promotionIdOf(TableVersion item) {
    return log.verdict(item.source(), item.version()).map(QcVerdict::promotionId)
        .or(() -> ladder.stages().stream().map(stage -> log.held(item.source(), stage.name())).flatMap(Optional::stream)
            .filter(held -> held.version() == item.version()).map(held -> held.since().promotionId()).findFirst());
  }

  private CloneType cloneTypeOf(int index) {
    return ladder.stage(index).entry().cloneType();
  }

  private Hop hop(PromoteCommand command, int index, PromotionPlan.Step step, Long version, PromotionOutcome outcome,
      boolean cloned) {
    return new Hop(step.promotionId(), command.commandId(), step.item().source(), version, step.target(),
        ladder.stage(index).name(), step.releaseTag(), outcome, null, cloned ? cloneTypeOf(index) : null);
  }

  /** A table this order cloned, and the target's own version before (null: it did not exist). */
  private record Cloned(PromotionPlan.Step step, Long targetVersionBefore, int hop) {}
}
