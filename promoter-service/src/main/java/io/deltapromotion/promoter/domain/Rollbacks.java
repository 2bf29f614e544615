package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operators' rollbacks: a stage's table returns to the version it held before the current one (the
 * previous good version: versions already rolled back do not count), or to an explicit version it held.
 * The stage's table is restored to its own Delta version that held it, in one commit; the promoter
 * re-clones that version only when the restore is impossible. A version rolled back in one stage goes no
 * further: a hop of it waiting to enter the next stage ends SKIPPED.
 */
public final class Rollbacks {

  private final Ladder ladder;
  private final StageRollback rollback;
  private final PromotionLog log;
  private final Gates gates;

  public Rollbacks(Ladder ladder, StageRollback rollback, PromotionLog log, Clock clock) {
    this.ladder = ladder;
    this.rollback = rollback;
    this.log = log;
    this.gates = new Gates(ladder, log, clock);
  }

  /**
   * @param toVersion the version to return to; null for the previous good one
   * @throws CommandRefusedException when the table or stage is not the ladder's, or there is nothing to return to
   */
  public RollbackPlan plan(TableName source, String stage, Long toVersion) {
    int index = gates.writtenStage(stage);
    gates.firstStageTable(source);
    PromotionLog.Held current = log.held(source, stage).orElseThrow(() -> new CommandRefusedException(
        stage + " holds no version of " + source + " the promoter knows of", false));
    List<PromotionLog.Held> before = log.heldBefore(source, stage);
    List<Long> versions = before.stream().map(PromotionLog.Held::version).filter(version -> version != current.version())
        .distinct().toList();
    Optional<PromotionLog.Held> to = toVersion == null ? previousGood(before, current.version())
        : before.stream().filter(held -> held.version() == toVersion && toVersion != current.version())
            .reduce((earlier, later) -> later);
    return to.map(held -> new RollbackPlan(source, stage, ladder.tableIn(source, index), current.version(), held))
        .orElseThrow(() -> new CommandRefusedException(toVersion != null && toVersion == current.version()
            ? stage + " holds version " + toVersion + " of " + source + " already"
            : stage + " cannot roll " + source + " back " + (toVersion == null ? "" : "to version " + toVersion + " ")
                + "from version " + current.version() + ": the versions it held before are " + versions, false));
  }

  /** The rollback's outcome, then any hop of the rolled-back version it ends; empty when it was carried out before. */
  public List<Hop> rollBack(RollbackCommand command) {
    if (log.isFinal(command.source(), command.rollbackId(), command.stage())) {
      return List.of();
    }
    int index = gates.writtenStage(command.stage());
    TableName target = ladder.tableIn(gates.firstStageTable(command.source()), index);
    RollbackPlan plan;
    try {
      plan = plan(command.source(), command.stage(), command.toVersion());
    } catch (CommandRefusedException refused) {
      return List.of(new Hop(command.rollbackId(), command.commandId(), command.source(), command.toVersion(), target,
          command.stage(), null, PromotionOutcome.blocked("rollback was not carried out: " + refused.getMessage()), null,
          null));
    }
    String why = "rolled back from version " + plan.fromVersion() + " to " + plan.toVersion() + " by " + command.actor()
        + (command.reason() == null ? "" : " (" + command.reason() + ")");
    PromotionOutcome outcome = rollback.rollBack(new RollbackRequest(command.source(), plan.toVersion(), target,
        plan.to().targetDeltaVersion(), plan.to().since().promotionId(), plan.to().since().releaseTag(),
        ladder.stage(index).entry().cloneType(), why));
    List<Hop> hops = new ArrayList<>();
    boolean rolledBack = outcome.status() == PromotionStatus.ROLLED_BACK;
    hops.add(new Hop(command.rollbackId(), command.commandId(), command.source(),
        rolledBack ? plan.toVersion() : plan.fromVersion(), target, command.stage(), plan.to().since().releaseTag(), outcome,
        null, outcome.cloned() ? ladder.stage(index).entry().cloneType() : null));
    if (rolledBack && index + 1 < ladder.size()) {
      String next = ladder.stage(index + 1).name();
      log.waiting(command.source(), next).filter(waits -> waits.version() != null && waits.version() == plan.fromVersion())
          .ifPresent(waits -> hops.add(new Hop(waits.promotionId(), command.commandId(), command.source(), waits.version(),
              ladder.tableIn(command.source(), index + 1), next, waits.releaseTag(),
              new PromotionOutcome(PromotionStatus.SKIPPED, null, null, false, "version " + waits.version()
                  + " was rolled back in " + command.stage() + " before it could enter " + next), null, null)));
    }
    return hops;
  }

  private static Optional<PromotionLog.Held> previousGood(List<PromotionLog.Held> before, long current) {
    for (int index = before.size() - 1; index > 0; index--) {
      if (before.get(index).version() == current) {
        return Optional.of(before.get(index - 1));
      }
    }
    return Optional.empty();
  }
}
