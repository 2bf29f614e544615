package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership.Claim;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.CloneHealth;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.LadderPromoter;
import io.deltapromotion.promoter.domain.OperatorDecision;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.promoter.domain.PromoteCommand;
import io.deltapromotion.promoter.domain.PromotionRequest;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.QcVerdict;
import io.deltapromotion.promoter.domain.RebaselineCommand;
import io.deltapromotion.promoter.domain.Rebaseliner;
import io.deltapromotion.promoter.domain.ReleaseOrder;
import io.deltapromotion.promoter.domain.ReleaseParts;
import io.deltapromotion.promoter.domain.ReleasePromoter;
import io.deltapromotion.promoter.domain.RollbackCommand;
import io.deltapromotion.promoter.domain.Rollbacks;
import io.deltapromotion.promoter.domain.TableVersion;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the ladder's decisions for the tables this instance owns, one table at a time (for reports,
 * operators' orders and the schedule alike; different tables at the same time, up to the listener's
 * concurrency). Each decision runs under the claim of its table's partition ({@link DecisionClaims}):
 * every outcome of one decision (a hop and the hop it supersedes, a release's phase ordered to each of its
 * tables, a rollback and the hop it ends) is published in one transaction, all or none, together with the partition's consumer
 * offsets (the event that caused it counted as consumed), so a decision is published exactly once, and
 * never by an instance that lost the table. The log learns the outcomes by reading them back before
 * anything else is decided ({@link TopicFollower}). After every decision the ladder settles the
 * table (see {@link LadderPromoter#settle}).
 *
 * <p>A rebaseline is split into one part per table, each carried out by the owner of the table it
 * writes. A promote order of one table is carried out by that table's owner; an order naming several (a
 * release) is coordinated by {@link ReleaseCoordination}, each of its tables' parts carried out here by
 * that table's owner.
 */
@Component
class LadderDriver {

  private static final Logger log = LoggerFactory.getLogger(LadderDriver.class);

  private final LadderPromoter ladder;
  private final ReleasePromoter releases;
  private final Rollbacks rollbacks;
  private final CloneHealth health;
  private final Rebaseliner rebaseliner;
  private final ReleaseParts releaseParts;
  private final RebaselineRuns runs;
  private final PromotionLog promotionLog;
  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;
  private final PartitionOwnership ownership;
  private final TopicFollower follower;
  private final DecisionClaims claims;
  private final VersionTraces traces;
  private final TableLocks locks = new TableLocks();

  LadderDriver(LadderPromoter ladder, ReleasePromoter releases, Rollbacks rollbacks, CloneHealth health,
      Rebaseliner rebaseliner, ReleaseParts releaseParts, RebaselineRuns runs, PromotionLog promotionLog, EventPublisher publisher,
      EventEnvelopes envelopes, PartitionOwnership ownership, TopicFollower follower, DecisionClaims claims,
      VersionTraces traces) {
    this.ladder = ladder;
    this.releases = releases;
    this.rollbacks = rollbacks;
    this.health = health;
    this.rebaseliner = rebaseliner;
    this.releaseParts = releaseParts;
    this.runs = runs;
    this.promotionLog = promotionLog;
    this.publisher = publisher;
    this.envelopes = envelopes;
    this.ownership = ownership;
    this.follower = follower;
    this.claims = claims;
    this.traces = traces;
  }

  void onReport(ConsumerRecord<?, ?> record, QcCompleted report, PromotionRequest request) {
    decide(ownership.claim(record), List.of(request.source()), () -> {
      follower.awaitFolded(record);
      publish(ladder.onReport(request, report.getEnvelope().getOccurredAt()), report.getEnvelope(), null);
      settle(request.source());
    });
  }

  void onDecision(ConsumerRecord<?, ?> record, OperatorDecision decision) {
    decide(ownership.claim(record), List.of(decision.source()), () -> {
      follower.awaitFolded(record);
      log.info("{} version {} into {}: {}", decision.source(), decision.version(), decision.stage(),
          decision.approved() ? "approved by " + decision.actor() : "rejected by " + decision.actor());
      settle(decision.source());
    });
  }

  void onPromote(ConsumerRecord<?, ?> record, PromoteCommand command) {
    List<TableName> tables = command.items().stream().map(TableVersion::source).toList();
    decide(ownership.claim(record), tables, () -> {
      follower.awaitFolded(record);
      log.info("{} ordered {} into {}: {}", command.actor(), command.releaseTag() == null ? "a promotion"
          : "release " + command.releaseTag(), command.stage(), command.items());
      publish(releases.promote(command), null, command.actor());
      // What follows for each table (its next stages) is its owner's to decide.
      tables.stream().filter(table -> ownership.owns(table.toString())).forEach(this::settle);
    });
  }

  void onRollback(ConsumerRecord<?, ?> record, RollbackCommand command) {
    decide(ownership.claim(record), List.of(command.source()), () -> {
      follower.awaitFolded(record);
      log.info("{} ordered {} in {} back to version {}", command.actor(), command.source(), command.stage(),
          command.toVersion());
      publish(rollbacks.rollBack(command), null, command.actor());
      settle(command.source());
    });
  }

  /**
   * Splits an operator's rebaseline into one part per table, each keyed by the first-stage table it
   * writes, so that table's owner carries it out; the parts are published with the command's offset, all
   * or none.
   */
  void onRebaseline(ConsumerRecord<?, ?> record, RebaselineCommand command, Function<TableVersion, OperatorCommand> partOf) {
    List<TableName> targets = rebaseliner.targets(command);
    decide(ownership.claim(record), List.of(), () -> {
      List<EventPublisher.Outgoing<?>> parts = new ArrayList<>();
      for (int index = 0; index < targets.size(); index++) {
        parts.add(new EventPublisher.Outgoing<>(EventTopics.OPERATOR_COMMANDS, targets.get(index).toString(),
            partOf.apply(command.items().get(index))));
      }
      publisher.publishAll(parts, claims.current());
      log.info("Rebaseline {}: {} table(s) into {}, ordered by {}; each is cloned by its table's owner", command.tag(),
          targets.size(), command.into(), command.actor());
    });
  }

  /** Clones the one table of a rebaseline's part, and publishes its outcome (and its announcement) with the part's offset. */
  void onRebaselinePart(ConsumerRecord<?, ?> record, RebaselineCommand part) {
    decide(ownership.claim(record), rebaseliner.targets(part), () -> {
      follower.awaitFolded(record);
      rebaseliner.clone(part).ifPresent(hop -> {
        publish(List.of(hop), null, part.actor(), announcement(part, hop));
        runs.of(part.commandId()).ifPresent(run -> log.info("Rebaseline {}: {} of {} table(s) done ({} {} -> {})",
            part.tag(), run.done(), run.of(), hop.outcome().status(), hop.source(), hop.target()));
      });
    });
  }

  /**
   * Carries out the phase of a release its coordinator ordered for one table this instance owns, and
   * publishes the table's answer with the part's offset.
   */
  void onReleasePart(ConsumerRecord<?, ?> record, ReleaseOrder part) {
    decide(ownership.claim(record), List.of(part.source()), () -> {
      follower.awaitFolded(record);
      publish(releaseParts.carryOut(part), null, part.actor());
      settle(part.source());
    });
  }

  /**
   * Runs the decision under the claim, with its tables locked, then commits the consumed event's offset if
   * no outcome's transaction did.
   */
  void decide(Claim claim, List<TableName> tables, Runnable decision) {
    locks.run(tables, () -> claims.run(claim, () -> {
      decision.run();
      if (claim.consumedPending()) {
        publisher.publishAll(List.of(), claim);
      }
    }));
  }

  /**
   * What tells the detector about a first-stage version the rebaseline wrote, as the pipeline that wrote
   * it; none when nothing was written.
   */
  private List<EventPublisher.Outgoing<?>> announcement(RebaselineCommand command, Hop hop) {
    if (hop.outcome().status() != PromotionStatus.PROMOTED || hop.outcome().targetDeltaVersion() == null) {
      return List.of();
    }
    PipelineCommitted commit = PipelineCommitted.newBuilder()
        .setEventId("rebaseline:" + command.commandId() + ":" + hop.target())
        .setTable(hop.target().toString())
        .setVersion(hop.outcome().targetDeltaVersion())
        .setReleaseTag(command.tag())
        .setPipeline("rebaseline")
        .setRunId(command.commandId())
        .build();
    return List.of(new EventPublisher.Outgoing<>(EventTopics.PIPELINE_COMMITTED, commit.getTable(), commit));
  }

  /** Checks that every stage table of every table this instance owns still reads, repairing or reporting the broken ones. */
  void checkHealth() {
    forEachOwnedTable(source -> publish(health.check(source), null, null));
  }

  /** Decides every hop of every table this instance owns that can be decided now, until none is left. */
  void settle() {
    forEachOwnedTable(this::settle);
  }

  /**
   * Runs the work for every table this instance owns, under its claim and lock. A table whose work fails
   * does not keep the others from theirs; the first failure is thrown at the end, so the caller knows the
   * run was cut short. A table lost meanwhile is its new owner's: not a failure.
   */
  private void forEachOwnedTable(Consumer<TableName> work) {
    RuntimeException first = null;
    for (TableName source : ladder.tables()) {
      try {
        if (ownership.owns(source.toString())) {
          decide(ownership.claim(source.toString()), List.of(source), () -> work.accept(source));
        }
      } catch (PartitionLostException lost) {
        log.info("{} is no longer this instance's: {}", source, lost.getMessage());
      } catch (RuntimeException e) {
        log.warn("{}: {}", source, e.getMessage());
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void settle(TableName source) {
    if (!ladder.settle(source, hops -> traces.publishInTrace(hops, () -> publish(hops, null, null)))) {
      log.error("{} still had hops to decide after many rounds; the rest waits for the next schedule", source);
    }
  }

  private void publish(List<Hop> hops, EventEnvelope report, String actor) {
    publish(hops, report, actor, List.of());
  }

  /**
   * Publishes the decision's outcomes (and anything that goes with them) in one transaction with the
   * claim's offsets, then waits until the promotion log read them back.
   */
  private void publish(List<Hop> hops, EventEnvelope report, String actor, List<EventPublisher.Outgoing<?>> alongside) {
    if (hops.isEmpty()) {
      return;
    }
    List<PromotionDone> outcomes = hops.stream().map(hop -> toEvent(hop, report, actor)).toList();
    List<EventPublisher.Outgoing<?>> events = new ArrayList<>();
    outcomes.forEach(done -> events.add(new EventPublisher.Outgoing<>(EventTopics.PROMOTION_DONE, done.getSourceTable(), done)));
    events.addAll(alongside);
    follower.awaitReadBack(publisher.publishAll(events, claims.current()));
    for (int index = 0; index < outcomes.size(); index++) {
      PromotionDone done = outcomes.get(index);
      log.info("{} {} version {} -> {} ({}){} (promotion {})", done.getStatus(), done.getSourceTable(), done.getSourceVersion(),
          done.getTargetTable(), done.getTargetEnvironment(), done.getError() == null ? "" : ": " + done.getError(),
          hops.get(index).promotionId());
    }
  }

  private PromotionDone toEvent(Hop hop, EventEnvelope report, String actor) {
    EventEnvelope envelope = hop.causeEventId() == null
        ? envelopes.causedBy(report)
        : envelopes.within(UUID.fromString(hop.promotionId()), UUID.fromString(hop.causeEventId()));
    String qcStatus = hop.version() == null ? null
        : promotionLog.verdict(hop.source(), hop.version()).map(QcVerdict::status).orElse(null);
    String approvedBy = hop.waitingFor() != null || hop.version() == null ? null
        : ladder.approvedBy(hop.source(), hop.version(), hop.stage()).orElse(null);
    return PromotionEvents.toEvent(hop, envelope, qcStatus, actor, approvedBy);
  }
}
