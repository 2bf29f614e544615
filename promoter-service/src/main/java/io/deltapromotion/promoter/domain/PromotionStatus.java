package io.deltapromotion.promoter.domain;

/** How a promotion (or a rollback) ended. */
public enum PromotionStatus {
  PROMOTED,
  SKIPPED,
  BLOCKED,
  FAILED,
  ROLLED_BACK
}
