package io.deltapromotion.notifier.domain;

/**
 * A PromotionDone, as far as alerting needs it.
 *
 * @param status PROMOTED, SKIPPED, BLOCKED, FAILED, ROLLED_BACK (or what a newer promoter writes)
 * @param sourceVersion the source version; null when the source was missing
 * @param error why it was blocked or failed; null otherwise
 * @param awaiting what a BLOCKED promotion still waits for (an approval, a soak time); null when final
 */
public record PromotionNotice(String eventId, String promotionId, String status, String sourceTable, Long sourceVersion,
    String targetTable, String targetEnvironment, String releaseTag, Long targetDeltaVersion, String error,
    String awaiting) {}
