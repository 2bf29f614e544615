package io.deltapromotion.promoter.domain;

/**
 * What a promotion did.
 *
 * @param targetDeltaVersion the target's own version after the clone; null when nothing was written
 * @param previousPromotedVersion the source version the target held before; null when unknown or none
 * @param cloned whether this call wrote the target
 * @param message why it was SKIPPED, BLOCKED or FAILED; null when PROMOTED
 */
public record PromotionOutcome(
    PromotionStatus status, Long targetDeltaVersion, Long previousPromotedVersion, boolean cloned, String message) {

  static PromotionOutcome blocked(String message) {
    return new PromotionOutcome(PromotionStatus.BLOCKED, null, null, false, message);
  }

  static PromotionOutcome failed(Long previous, String message) {
    return new PromotionOutcome(PromotionStatus.FAILED, null, previous, false, message);
  }
}
