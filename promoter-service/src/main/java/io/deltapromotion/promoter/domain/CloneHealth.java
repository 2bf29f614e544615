package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The periodic check that every stage's table still reads. A shallow clone references its source's
 * files, so a VACUUM on the source can break it. A broken one is re-cloned at the version it holds
 * while the source can still give that version (the outcome is PROMOTED with a message saying what was
 * repaired), otherwise it is reported FAILED with the reason. Either way people are alerted, once: a
 * table that stays broken is not reported again until it reads or holds another version (or the
 * promoter restarts).
 */
public final class CloneHealth {

  private final Ladder ladder;
  private final StageRepair repair;
  private final PromotionLog log;
  private final Set<Broken> reportedBroken = ConcurrentHashMap.newKeySet();

  /** A stage's table reported broken while it held that version. */
  private record Broken(TableName target, long version) {}

  public CloneHealth(Ladder ladder, StageRepair repair, PromotionLog log) {
    this.ladder = ladder;
    this.repair = repair;
    this.log = log;
  }

  /** The outcomes of the table's broken stage tables: empty when every stage that holds a version reads. */
  public List<Hop> check(TableName source) {
    List<Hop> hops = new ArrayList<>();
    for (int index = 1; index < ladder.size(); index++) {
      Stage stage = ladder.stage(index);
      int position = index;
      log.held(source, stage.name()).ifPresent(held -> {
        TableName target = ladder.tableIn(source, position);
        RollbackRequest keep = new RollbackRequest(source, held.version(), target, held.targetDeltaVersion(),
            held.since().promotionId(), held.since().releaseTag(), stage.entry().cloneType(), "clone health check");
        Broken key = new Broken(target, held.version());
        if (reportedBroken.contains(key) && !repair.readable(target)) {
          return;
        }
        reportedBroken.remove(key);
        repair.repairIfBroken(keep).ifPresent(outcome -> {
          if (outcome.status() == PromotionStatus.FAILED) {
            reportedBroken.add(key);
          }
          hops.add(new Hop(held.since().promotionId(), held.since().eventId(), source, held.version(), target,
              stage.name(), held.since().releaseTag(), outcome, null, outcome.cloned() ? stage.entry().cloneType() : null));
        });
      });
    }
    return hops;
  }
}
