package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves versions up the ladder. A QC report of a version in the first stage asks for its hop into the
 * second; a version that reached stage k asks for stage k+1. A hop goes ahead when the gates of the
 * stage it enters hold (QC passed, an approval when one is required, the minimum soak time in the
 * previous stage); a hop whose gates do not hold yet waits, and is decided again on every call to
 * {@link #settle}, so time alone (a soak that ends) releases it. A table a release order holds (see
 * {@link ReleaseCoordinator#holds}) does not move meanwhile: its reports wait behind the release, and the
 * rest is decided once the release is over. Hops only ever target the ladder's
 * own schemas. Decisions read the {@link PromotionLog}; the caller publishes each hop and folds the
 * published outcome back into the log before asking again.
 */
public final class LadderPromoter {

  /** More rounds than a ladder has stages: a table that still moves after them is moving in a loop. */
  static final int MAX_ROUNDS = 1_000;

  private final Ladder ladder;
  private final Promoter promoter;
  private final PromotionLog log;
  private final Gates gates;

  public LadderPromoter(Ladder ladder, Promoter promoter, PromotionLog log, Clock clock) {
    this.ladder = ladder;
    this.promoter = promoter;
    this.log = log;
    this.gates = new Gates(ladder, log, clock);
  }

  /**
   * The hops a QC report of a first-stage version calls for: its hop into the second stage and, when it
   * passed QC, the end of an older version's hop still waiting to enter that stage (superseded).
   */
  public List<Hop> onReport(PromotionRequest report, Instant reportedAt) {
    String into = ladder.stage(1).name();
    if (log.isFinal(report.source(), report.promotionId(), into)) {
      return List.of();
    }
    if (report.version() != null && log.verdict(report.source(), report.version()).isEmpty()) {
      // Older than every report the log keeps: its hops may be forgotten, so it is history, not a decision.
      return List.of();
    }
    String outside = outsideTheLadder(report);
    if (outside != null) {
      return List.of(new Hop(report.promotionId(), null, report.source(), report.version(), report.target(), into,
          report.releaseTag(), PromotionOutcome.blocked("refused: " + outside), null, null));
    }
    List<Hop> hops = new ArrayList<>();
    log.waiting(report.source(), into)
        .filter(waits -> !waits.promotionId().equals(report.promotionId()) && report.qcPassed() && !report.noChange())
        .ifPresent(superseded -> hops.add(new Hop(superseded.promotionId(), superseded.eventId(), superseded.source(),
            superseded.version(), report.target(), into, superseded.releaseTag(),
            new PromotionOutcome(PromotionStatus.SKIPPED, null, null, false,
                "superseded by version " + report.version() + " before it could enter " + into),
            null, null)));
    decide(new Candidate(report.promotionId(), null, report.source(), report.version(), 1, report.releaseTag(), reportedAt,
        report.qcPassed() ? Candidate.Qc.passed(report.approvalRequiredFor()) : Candidate.Qc.failed(report.qcProblems()),
        report.noChange())).ifPresent(hops::add);
    return hops;
  }

  /** The operator who approved the version into the stage, if one did. */
  public Optional<String> approvedBy(TableName source, long version, String stage) {
    return log.decision(source, version, stage).filter(OperatorDecision::approved).map(OperatorDecision::actor);
  }

  /** The hop of the table into the stage that waits for an approval, if one does. */
  public Optional<RecordedOutcome> awaitingApproval(TableName source, String stage) {
    return log.waiting(source, stage).filter(waits -> waits.waitingFor() instanceof Wait.Approval);
  }

  /**
   * What an operator's approval or rejection is about: the table's hop that waits for an approval
   * (into the named stage, or the only one waiting), or, with a version and a stage, that version in
   * advance. A decision binds the version it names, so one naming a version older than the newest
   * reported is refused as stale: approving it would let nothing in.
   *
   * @throws CommandRefusedException when the table or stage is not the ladder's, or nothing fits
   */
  public DecisionTarget decisionTarget(TableName source, String stage, Long version) {
    gates.firstStageTable(source);
    List<String> written = ladder.stages().subList(1, ladder.size()).stream().map(Stage::name).toList();
    if (stage != null) {
      gates.writtenStage(stage);
    }
    List<RecordedOutcome> waiting = (stage == null ? written : List.of(stage)).stream()
        .map(name -> awaitingApproval(source, name)).flatMap(Optional::stream)
        .filter(waits -> version == null || waits.version() == version.longValue()).toList();
    if (waiting.size() == 1) {
      RecordedOutcome waits = waiting.get(0);
      return new DecisionTarget(source, waits.version(), waits.stage(), waits.promotionId(), waits.waitingFor().description());
    }
    if (waiting.size() > 1) {
      throw new CommandRefusedException(source + " waits for approvals into " + waiting.stream().map(RecordedOutcome::stage)
          .toList() + ": name the stage", false);
    }
    if (version != null && stage != null) {
      log.newestReport(source).filter(newest -> newest.version() > version).ifPresent(newest -> {
        throw new CommandRefusedException("version " + version + " of " + source + " is stale: version "
            + newest.version() + " was reported since, and a decision holds only for the version it names", false);
      });
      return new DecisionTarget(source, version, stage, null, null);
    }
    throw new CommandRefusedException("no version of " + source + " waits for an approval"
        + (stage == null ? "" : " into " + stage) + (version == null ? "" : " at version " + version)
        + "; to decide in advance, name both the version and the stage", false);
  }

  /**
   * Every table of the ladder's first stage that a stage holds a version of or a hop waits for: the
   * tables {@link #settle} may move. Tables the log knows but the ladder no longer has (a schema taken
   * out of the configuration) are left alone.
   */
  public List<TableName> tables() {
    return log.tables().stream().filter(table -> ladder.stageOf(table).equals(Optional.of(0))).toList();
  }

  /**
   * Decides every hop of the table that can be decided now, publishes it, and decides again until nothing
   * moves: a version promoted into a stage whose next stage has no gate to wait for goes on at once. Each
   * round's hops are published together before the next round is decided, so the next round reads them.
   *
   * @return false when the table still moved after {@value #MAX_ROUNDS} rounds (the rest waits for the next call)
   */
  public boolean settle(TableName source, Publication publication) {
    if (log.releaseHolding(source).isPresent()) {
      return true;
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Hop> hops = reevaluate(source);
      if (hops.isEmpty()) {
        return true;
      }
      publication.publish(hops);
    }
    return false;
  }

  /**
   * Publishes one decision's hops, all or none, and folds them into the promotion log before it returns.
   */
  @FunctionalInterface
  public interface Publication {
    void publish(List<Hop> hops);
  }

  /**
   * Every hop of the table that can be decided now: waiting hops whose gates may hold, and versions ready
   * for their next stage. Tables are independent: different tables may be decided at the same time.
   */
  private List<Hop> reevaluate(TableName source) {
    List<Hop> hops = new ArrayList<>();
    for (int stage = 1; stage < ladder.size(); stage++) {
      String into = ladder.stage(stage).name();
      int index = stage;
      Optional<Candidate> candidate = log.waiting(source, into).map(waits -> fromWaiting(waits, index))
          .or(() -> nextHop(source, index));
      candidate.flatMap(this::decide).ifPresent(hops::add);
    }
    return hops;
  }

  private Optional<Hop> decide(Candidate candidate) {
    Transition entry = ladder.stage(candidate.stage()).entry();
    TableName target = ladder.tableIn(candidate.source(), candidate.stage());
    Gates.Entry gate = gates.entering(candidate, target);
    if (gate instanceof Gates.Entry.Refused refused) {
      return Optional.of(hop(candidate, target, PromotionOutcome.blocked(refused.why()), null, null));
    }
    if (gate instanceof Gates.Entry.Waits waits) {
      return waitFor(candidate, target, waits.waitingFor());
    }
    Optional<ReleaseOrder> release = log.releaseHolding(candidate.source());
    if (release.isPresent() && !candidate.noChange()) {
      // Would be written now: waits, as a version that passed its gates, until the release is over.
      return waitFor(candidate, target, new Wait.BehindRelease(release.get().releaseTag()));
    }
    StageWrite write = new StageWrite(candidate.promotionId(), candidate.source(), candidate.version(), target,
        candidate.releaseTag());
    PromotionOutcome outcome = candidate.noChange() ? promoter.confirmUnchanged(write)
        : promoter.promote(write, entry.cloneType());
    return Optional.of(hop(candidate, target, outcome, null, outcome.cloned() ? entry.cloneType() : null));
  }

  private Optional<Hop> waitFor(Candidate candidate, TableName target, Wait wait) {
    String into = ladder.stage(candidate.stage()).name();
    boolean alreadySaid = log.waiting(candidate.source(), into)
        .filter(waits -> waits.promotionId().equals(candidate.promotionId()) && wait.equals(waits.waitingFor()))
        .isPresent();
    if (alreadySaid) {
      return Optional.empty();
    }
    return Optional.of(hop(candidate, target, PromotionOutcome.blocked("awaiting " + wait.description() + "; " + target
        + " is unchanged meanwhile"), wait, null));
  }

  /**
   * A hop that waits, decided again: it already passed QC, and still needs what it waited for. Whether
   * QC asked for an approval is read from its report, not from the wait.
   */
  private Candidate fromWaiting(RecordedOutcome waits, int stage) {
    Optional<QcVerdict> report = stage > 1 ? Optional.empty() : log.verdict(waits.source(), waits.version());
    String approval = stage > 1 ? null : report.isPresent() ? report.get().approvalRequiredFor()
        : "the QC report of version " + waits.version() + " is no longer known, so a person decides";
    return new Candidate(waits.promotionId(), waits.eventId(), waits.source(), waits.version(), stage, waits.releaseTag(),
        gates.enteredPrevious(waits.source(), waits.version(), stage).orElse(waits.occurredAt()), Candidate.Qc.passed(approval),
        false);
  }

  /** The version the previous stage holds, when this stage has not had its hop yet. */
  private Optional<Candidate> nextHop(TableName source, int stage) {
    if (stage < 2) {
      return Optional.empty();
    }
    String into = ladder.stage(stage).name();
    return log.held(source, ladder.stage(stage - 1).name())
        .filter(previous -> previous.since().status() == PromotionStatus.PROMOTED)
        .filter(previous -> !log.isFinal(source, previous.since().promotionId(), into))
        .filter(previous -> log.held(source, into).map(held -> held.version() != previous.version()).orElse(true))
        .map(previous -> {
          Optional<Boolean> passed = log.qcPassed(source, previous.version());
          Candidate.Qc qc = passed.orElse(false) ? Candidate.Qc.passed(null) : Candidate.Qc.failed(passed.isEmpty()
              ? "no QC report of version " + previous.version() + " is known" : "version " + previous.version() + " failed QC");
          return new Candidate(previous.since().promotionId(), previous.since().eventId(), source, previous.version(), stage,
              previous.since().releaseTag(), previous.since().occurredAt(), qc, false);
        });
  }

  private String outsideTheLadder(PromotionRequest report) {
    if (!ladder.stageOf(report.source()).equals(Optional.of(0))) {
      return report.source() + " is not in the ladder's first stage (" + ladder.stage(0).name() + ": "
          + ladder.stage(0).schemas() + ")";
    }
    TableName expected = ladder.tableIn(report.source(), 1);
    if (!report.target().equals(expected)) {
      return "the report's target " + report.target() + " is not " + expected + ", the table of " + report.source()
          + " in stage " + ladder.stage(1).name() + "; the promoter writes only the ladder's own tables";
    }
    return null;
  }

  private Hop hop(Candidate candidate, TableName target, PromotionOutcome outcome, Wait wait, CloneType cloneType) {
    return new Hop(candidate.promotionId(), candidate.causeEventId(), candidate.source(), candidate.version(), target,
        ladder.stage(candidate.stage()).name(), candidate.releaseTag(), outcome, wait, cloneType);
  }
}
