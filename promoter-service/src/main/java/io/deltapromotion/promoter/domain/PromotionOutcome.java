package io.deltapromotion.promoter.domain;

/**
 * What a promotion did.
 *
 * @param targetDeltaVersion the target's own version after the clone; null when nothing was written
 * @param previousPromotedVersion the source version the target held before; null when unknown or none
 * @param cloned whether this call wrote the target
 * @param message why it was SKIPPED, BLOCKED or FAILED; null when PROMOTED
 * @param targetVersionBefore for PROMOTED: the target's own version that held its data before this
 *     promotion's clone (what undoing it restores); null when the clone created the target or it is unknown
 */
public record PromotionOutcome(PromotionStatus status, Long targetDeltaVersion, Long previousPromotedVersion,
    boolean cloned, String message, Long targetVersionBefore) {

  /** An outcome that wrote nothing undoable. */
  public PromotionOutcome(PromotionStatus status, Long targetDeltaVersion, Long previousPromotedVersion, boolean cloned,
      String message) {
    this(status, targetDeltaVersion, previousPromotedVersion, cloned, message, null);
  }

  static PromotionOutcome blocked(String message) {
    return new PromotionOutcome(PromotionStatus.BLOCKED, null, null, false, message);
  }

  static PromotionOutcome failed(Long previous, String message) {
    return new PromotionOutcome(PromotionStatus.FAILED, null, previous, false, message);
  }
}
