package io.deltapromotion.notifier.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One write of a stage table that ended, as lineage tells it: the pre-prod table at its version went into
 * the stage table. Made from a promotion outcome that wrote (or tried to write) the target; a promotion
 * that was blocked, skipped, or still waits is not a run.
 *
 * @param outcomeId the PromotionDone's event id: one run per outcome, however often it is delivered
 * @param promotionId the promotion (correlation) id the version carries up the ladder
 * @param succeeded whether the target now holds the source version (false: the warehouse refused or failed)
 * @param sourceTable the first-stage (pre-prod) table, fully qualified
 * @param sourceVersion the version that went in (for a rollback, the version restored)
 * @param targetTable the stage table written
 * @param stage the ladder stage of the target
 * @param targetVersion the target's own Delta version after the write; null when it was not written
 * @param releaseTag the release the promotion belongs to; null when none
 * @param error the warehouse's refusal or failure; null when it succeeded
 * @param endedAt when the outcome was published
 * @param qc the QC report of the source version, when one is known
 */
public record PromotionRun(String outcomeId, String promotionId, boolean succeeded, String sourceTable, long sourceVersion,
    String targetTable, String stage, Long targetVersion, String releaseTag, String error, Instant endedAt,
    Optional<QcReport> qc) {

  public PromotionRun {
    Objects.requireNonNull(outcomeId, "outcomeId");
    Objects.requireNonNull(sourceTable, "sourceTable");
    Objects.requireNonNull(targetTable, "targetTable");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(qc, "qc");
  }

  /**
   * The run a promotion outcome is, if it is one: PROMOTED and ROLLED_BACK wrote the target with a source
   * version (a rollback that dropped a table it had created restored none, and is not one), FAILED tried.
   */
  public static boolean isRun(String status, Long sourceVersion) {
    return sourceVersion != null && ("PROMOTED".equals(status) || "ROLLED_BACK".equals(status) || "FAILED".equals(status));
  }

  /** The key its delivery is recorded under. */
  public String deliveryKey() {
    return "lineage:" + outcomeId;
  }

  /** One line for people reading the delivery log. */
  public String summary() {
    return (succeeded ? "COMPLETE " : "FAIL ") + sourceTable + " version " + sourceVersion + " -> " + targetTable
        + " (" + stage + ")";
  }
}
