package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans operators' promote orders (one table version, or every table of a release, into a stage now):
 * every version must pass its gates, the order standing for the approval (except on a stage with four
 * eyes, where another operator's approval must be there), before any is cloned. Carries
 * out an order for one table; an order for several is a release, split per table ({@link ReleaseParts}).
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
  public PromotionPlan plan(String stage, String releaseTag, TableName table, Long version, String orderedBy) {
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
    return check(index, releaseTag, items, orderedBy);
  }

  /**
   * The outcome of an order for one table; empty when the order was carried out before. (An order for
   * several tables is a release, split per table: {@link ReleaseParts}.)
   *
   * @throws CommandRefusedException when the order names a stage or table outside the ladder
   */
  public List<Hop> promote(PromoteCommand command) {
    int index = gates.writtenStage(command.stage());
    TableVersion item = command.item();
    gates.firstStageTable(item.source());
    if (log.hasOutcomeCausedBy(command.commandId(), item.source())) {
      return List.of();
    }
    PromotionPlan.Step step;
    try {
      step = check(index, command.releaseTag(), List.of(item), command.actor()).steps().get(0);
    } catch (CommandRefusedException refused) {
      return List.of(hop(command, index, new PromotionPlan.Step(item, ladder.tableIn(item.source(), index),
          command.commandId(), command.releaseTag(), null), PromotionOutcome.blocked(command.subject() + " was not carried out: "
          + refused.getMessage()), false));
    }
    if (step.alreadyThere() && log.isFinal(item.source(), step.promotionId(), ladder.stage(index).name())) {
      // Its own hop there is over: the order's own outcome, so that hop is not decided twice.
      return List.of(hop(command, index, new PromotionPlan.Step(item, step.target(), command.commandId(), step.releaseTag(),
          step.heldNow()), new PromotionOutcome(PromotionStatus.SKIPPED, null, item.version(), false, step.target()
          + " holds version " + item.version() + " already"), false));
    }
    PromotionOutcome outcome;
    try {
      outcome = promoter.promote(new StageWrite(step.promotionId(), item.source(), item.version(), step.target(),
          step.releaseTag()), cloneTypeOf(index));
    } catch (WarehouseException e) {
      outcome = PromotionOutcome.failed(step.heldNow(), "cannot read " + step.target() + ": " + e.getMessage());
    }
    return List.of(hop(command, index, step, outcome, outcome.cloned()));
  }

  PromotionPlan check(int index, String releaseTag, List<TableVersion> items, String orderedBy) {
    String stage = ladder.stage(index).name();
    List<String> refusals = new ArrayList<>();
    List<PromotionPlan.Step> steps = new ArrayList<>();
    for (TableVersion item : items) {
      gates.firstStageTable(item.source());
      List<String> itemRefusals = new ArrayList<>(gates.refusals(item.source(), item.version(), index));
      gates.fourEyesRefusal(item.source(), item.version(), index, orderedBy).ifPresent(itemRefusals::add);
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

  private Hop hop(PromoteCommand command, int index, PromotionPlan.Step step, PromotionOutcome outcome, boolean cloned) {
    return new Hop(step.promotionId(), command.commandId(), step.item().source(), step.item().version(), step.target(),
        ladder.stage(index).name(), step.releaseTag(), outcome, null, cloned ? cloneTypeOf(index) : null);
  }
}
