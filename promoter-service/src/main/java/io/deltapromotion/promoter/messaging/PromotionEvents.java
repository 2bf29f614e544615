package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.CloneType;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.HopWait;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.WaitKind;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.RecordedOutcome;
import io.deltapromotion.promoter.domain.Wait;

/** Maps hops to PromotionDone events and PromotionDone events back to what the promotion log folds. */
final class PromotionEvents {

  private PromotionEvents() {}

  /**
   * @param qcStatus the QC verdict of the hop's version, or null when none is known
   * @param actor the operator whose command led to it, or null
   * @param approvedBy the operator whose approval let the version into the stage, or null
   */
  static PromotionDone toEvent(Hop hop, EventEnvelope envelope, String qcStatus, String actor, String approvedBy) {
    return PromotionDone.newBuilder()
        .setEnvelope(envelope)
        .setSourceTable(hop.source().toString())
        .setSourceVersion(hop.version())
        .setTargetTable(hop.target().toString())
        .setTargetEnvironment(hop.stage())
        .setStatus(io.deltapromotion.events.PromotionStatus.valueOf(hop.outcome().status().name()))
        .setCloneType(hop.cloneType() == null ? null : CloneType.valueOf(hop.cloneType().name()))
        .setReleaseTag(hop.releaseTag())
        .setTargetDeltaVersion(hop.outcome().targetDeltaVersion())
        .setPreviousPromotedVersion(hop.outcome().previousPromotedVersion())
        .setError(hop.outcome().message())
        .setAwaiting(hop.waitingFor() == null ? null : hop.waitingFor().description())
        .setWaitingFor(toEvent(hop.waitingFor()))
        .setQcStatus(qcStatus)
        .setActor(actor)
        .setApprovedBy(approvedBy)
        .build();
  }

  /** The outcome as the log folds it; null for a status this build does not know. */
  static RecordedOutcome recorded(PromotionDone done) {
    if (done.getStatus() == io.deltapromotion.events.PromotionStatus.UNKNOWN) {
      return null;
    }
    EventEnvelope envelope = done.getEnvelope();
    return new RecordedOutcome(envelope.getEventId().toString(), envelope.getCorrelationId().toString(),
        envelope.getCausationId() == null ? null : envelope.getCausationId().toString(),
        TableName.parse(done.getSourceTable()), done.getSourceVersion(), done.getTargetEnvironment(),
        PromotionStatus.valueOf(done.getStatus().name()), done.getTargetDeltaVersion(), wait(done),
        done.getReleaseTag(), envelope.getOccurredAt(), done.getActor() != null);
  }

  /** The typed wait; null when there is none or only words for it. */
  private static HopWait toEvent(Wait wait) {
    if (wait instanceof Wait.Approval approval) {
      return HopWait.newBuilder().setKind(WaitKind.APPROVAL).setApprovalReason(approval.reason()).build();
    }
    if (wait instanceof Wait.Soak soak) {
      return HopWait.newBuilder().setKind(WaitKind.SOAK).setSoakStage(soak.stage()).setSoakUntil(soak.until()).build();
    }
    if (wait instanceof Wait.Release release) {
      return HopWait.newBuilder().setKind(WaitKind.RELEASE).setRelease(release.tag()).build();
    }
    if (wait instanceof Wait.BehindRelease behind) {
      return HopWait.newBuilder().setKind(WaitKind.BEHIND_RELEASE).setRelease(behind.tag()).build();
    }
    return null;
  }

  /**
   * The hop's wait as published; an untyped one when the event only has the words (written before waits
   * were typed, or of a kind this build does not know).
   */
  static Wait wait(PromotionDone done) {
    HopWait typed = done.getWaitingFor();
    if (typed != null && typed.getKind() == WaitKind.APPROVAL && typed.getApprovalReason() != null) {
      return new Wait.Approval(typed.getApprovalReason());
    }
    if (typed != null && typed.getKind() == WaitKind.SOAK && typed.getSoakStage() != null && typed.getSoakUntil() != null) {
      return new Wait.Soak(typed.getSoakStage(), typed.getSoakUntil());
    }
    if (typed != null && typed.getKind() == WaitKind.RELEASE && typed.getRelease() != null) {
      return new Wait.Release(typed.getRelease());
    }
    if (typed != null && typed.getKind() == WaitKind.BEHIND_RELEASE && typed.getRelease() != null) {
      return new Wait.BehindRelease(typed.getRelease());
    }
    if (typed != null || done.getAwaiting() != null) {
      return new Wait.Untyped(done.getAwaiting() == null ? "something this promoter does not know" : done.getAwaiting());
    }
    return null;
  }
}
