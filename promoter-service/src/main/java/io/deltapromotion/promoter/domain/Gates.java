package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ladder's gates, read against the promotion log, in one place: what stops a version entering a stage
 * on its own way up ({@link #entering}) or on an operator's order ({@link #refusals}), where a version is
 * and since when. Also resolves what operators' commands name (stages, tables).
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

  /** What a stage's gates say about a version that asks to enter it on its own way up. */
  sealed interface Entry {

    /** Nothing holds it: it may be written. */
    record Open() implements Entry {}

    /** It may not enter, ever: a final BLOCKED saying why. */
    record Refused(String why) implements Entry {}

    /** It may enter once what it waits for comes. */
    record Waits(Wait waitingFor) implements Entry {}
  }

  /**
   * The gates of the stage the candidate asks to enter, in order: QC where the stage requires it, an
   * approval where QC or the stage asks for one (a rejection refuses it), then the soak time in the stage
   * before. A version the detector found unchanged passes every gate: there is nothing to write.
   */
  Entry entering(Candidate candidate, TableName target) {
    Stage into = ladder.stage(candidate.stage());
    if (candidate.version() == null || into.entry().qcRequired() && !candidate.qc().passed() && !candidate.noChange()) {
      return new Entry.Refused("QC failed: " + candidate.qc().problems());
    }
    if (candidate.noChange()) {
      return new Entry.Open();
    }
    String approval = candidate.qc().approvalRequiredFor() != null ? candidate.qc().approvalRequiredFor()
        : into.entry().approvalRequired() ? "every version entering " + into.name() + " needs one" : null;
    if (approval != null) {
      Optional<OperatorDecision> decision = log.decision(candidate.source(), candidate.version(), into.name());
      if (decision.isEmpty()) {
        return new Entry.Waits(new Wait.Approval(approval));
      }
      if (!decision.get().approved()) {
        return new Entry.Refused("entering " + into.name() + " was " + decision.get().describe() + "; " + target
            + " is unchanged");
      }
    }
    Instant due = soakEnds(candidate.enteredPreviousAt(), candidate.stage());
    return clock.instant().isBefore(due) ? new Entry.Waits(new Wait.Soak(ladder.stage(candidate.stage() - 1).name(), due))
        : new Entry.Open();
  }

  /** When a version that entered the stage before at {@code enteredPrevious} has soaked long enough to enter this one. */
  private Instant soakEnds(Instant enteredPrevious, int stage) {
    return enteredPrevious.plus(ladder.stage(stage).entry().minSoak());
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
    entered.map(at -> soakEnds(at, stage)).filter(due -> clock.instant().isBefore(due))
        .ifPresent(due -> refusals.add("its soak time in " + previous + " ends at " + due));
    return refusals;
  }

  /**
   * Why an operator's order may not bring the version into a four-eyes stage: its approval must be there
   * already, given by someone else than the one who orders it. Empty when the stage has no four eyes, or
   * they are satisfied.
   */
  Optional<String> fourEyesRefusal(TableName source, long version, int stage, String orderedBy) {
    Stage into = ladder.stage(stage);
    if (!into.entry().fourEyes()) {
      return Optional.empty();
    }
    Optional<OperatorDecision> decision = log.decision(source, version, into.name()).filter(OperatorDecision::approved);
    if (decision.isEmpty()) {
      return Optional.of(into.name() + " has four eyes: an order does not stand for the approval; another operator "
          + "must approve version " + version + " first");
    }
    if (decision.get().actor().equals(orderedBy)) {
      return Optional.of(into.name() + " has four eyes: " + orderedBy + " approved version " + version
          + " and may not also order it in; another operator must");
    }
    return Optional.empty();
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
