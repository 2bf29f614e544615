package io.deltapromotion.registryservice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the log held at one moment, counted: the figures a monitoring system follows. Counted from the
 * log, they are the same on every instance and after every restart.
 *
 * @param outcomes final outcomes (a hop that still waits is not one) by stage and status
 * @param leadTimes per stage, the time from each version's pre-prod commit to its clone into the stage,
 *     for the clones whose commit time was announced
 * @param approvals per stage any hop went into, the hops waiting for a person's approval
 */
public record LedgerStatistics(Map<StageStatus, Long> outcomes, Map<String, LeadTimes> leadTimes,
    Map<String, ApprovalBacklog> approvals) {

  public LedgerStatistics {
    outcomes = Map.copyOf(outcomes);
    leadTimes = Map.copyOf(leadTimes);
    approvals = Map.copyOf(approvals);
  }

  public record StageStatus(String stage, String status) {}

  /** How many clones were measured and how long they took in all. */
  public record LeadTimes(long count, Duration total) {

    LeadTimes plus(Duration leadTime) {
      return new LeadTimes(count + 1, total.plus(leadTime));
    }
  }

  /**
   * @param oldestSince since when the longest-waiting one waits; null when none waits
   */
  public record ApprovalBacklog(int waiting, Instant oldestSince) {

    static final ApprovalBacklog NONE = new ApprovalBacklog(0, null);

    ApprovalBacklog plus(PendingApproval approval) {
      Instant oldest = oldestSince == null || approval.since().isBefore(oldestSince) ? approval.since() : oldestSince;
      return new ApprovalBacklog(waiting + 1, oldest);
    }

    /** How long the longest-waiting one has waited at the instant; zero when none waits. */
    public Duration oldestWait(Instant now) {
      return oldestSince == null ? Duration.ZERO : Duration.between(oldestSince, now);
    }
  }
}
