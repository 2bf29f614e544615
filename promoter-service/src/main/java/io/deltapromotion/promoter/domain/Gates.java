package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ladder's gates against the promotion log: where a version is, since when, and what stops it
 * entering a stage. Also resolves what operators' commands name (stages, tables).
 */
final class Gates {

  private final Ladder ladder;
  private final PromotionLog log;
  private final Clock clock;

  Gates(Ladder ladder, PromotionLog log, Clock clock) {
    this.ladder = ladder;
    this.log = log;
    this.clock = clock;
  }

  /** When the version entered the stage before this one: its QC report for the first stage, else its promotion there. */
  Optional<Instant> enteredPrevious(TableName source, long version, int stage) {
    if (stage == 1) {
      return log.reportedAt(source, version);
    }
    return log.held(source, ladder.stage(stage - 1).name()).filter(held -> held.version() == version)
        .map(held -> held.since().occurredAt());
  }

  /**
   * Why the version may not enter the stage now on an operator's order (which stands for its approval):
   * it must be in the stage before (for the second stage: reported on by QC), have passed QC where that
   * is required, and have soaked long enough. Empty when it may.
   */
  List<String> refusals(TableName source, long version, int stage) {
    List<String> refusals = new ArrayList<>();
    Stage into = ladder.stage(stage);
    String previous = ladder.stage(stage - 1).name();
    Optional<Instant> entered = enteredPrevious(source, version, stage);
    if (entered.isEmpty()) {
      refusals.add(stage == 1 ? "no QC report of version " + version + " is known"
          : "version " + version + " is not in " + previous + " (it holds "
              + log.held(source, previous).map(held -> "version " + held.version()).orElse("none") + ")");
    }
    Optional<Boolean> passed = log.qcPassed(source, version);
    if (into.entry().qcRequired() && entered.isPresent() && !passed.orElse(false)) {
      refusals.add(passed.isEmpty() ? "no QC report of version " + version + " is known" : "version " + version + " failed QC");
    }
    entered.map(at -> at.plus(into.entry().minSoak())).filter(due -> clock.instant().isBefore(due))
        .ifPresent(due -> refusals.add("its soak time in " + previous + " ends at " + due));
    return refusals;
  }

  /** The index of a stage the promoter writes (not the first). */
  int writtenStage(String name) {
    List<String> written = ladder.stages().subList(1, ladder.size()).stream().map(Stage::name).toList();
    int index = written.indexOf(name);
    if (index < 0) {
      throw new CommandRefusedException("'" + name + "' is not a stage the promoter writes; those are " + written, true);
    }
    return index + 1;
  }

  /** @throws CommandRefusedException when the table is not in the ladder's first stage */
  TableName firstStageTable(TableName source) {
    if (!ladder.stageOf(source).equals(Optional.of(0))) {
      throw new CommandRefusedException(source + " is not a table of the ladder's first stage (" + ladder.stage(0).name()
          + ": " + ladder.stage(0).schemas() + ")", true);
    }
    return source;
  }
}
