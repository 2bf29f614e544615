package io.deltapromotion.notifier.domain;

/**
 * A PromotionDone, as far as alerting needs it.
 *
 * @param status PROMOTED, SKIPPED, BLOCKED, FAILED, ROLLED_BACK (or what a newer promoter writes)
 * @param sourceVersion the source version; null when the source was missing
 * @param error why it was blocked or failed; null otherwise
 * @param waiting what a BLOCKED promotion still waits for; null when the outcome is final
 * @param orderedBy the operator whose command caused it (an order, a rollback); null when the promoter decided
 * @param approvedBy the operator whose approval let the version in; null when none was needed
 */
public record PromotionNotice(String eventId, String promotionId, String status, String sourceTable, Long sourceVersion,
    String targetTable, String targetEnvironment, String releaseTag, Long targetDeltaVersion, String error,
    Waiting waiting, String orderedBy, String approvedBy) {

  /** What a promotion that is not over waits for, as the event types it. */
  public enum Waiting {
    /** A person must approve it. */
    APPROVAL,
    /** Its soak time in the stage before must pass. */
    SOAK,
    /** Something the event does not type: written before waits were typed, or a kind newer than this build. */
    OTHER
  }
}
