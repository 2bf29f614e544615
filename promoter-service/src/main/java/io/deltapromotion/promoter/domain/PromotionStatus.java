package io.deltapromotion.promoter.domain;

/** How a promotion ended (the PromotionDone statuses the promoter writes today). */
public enum PromotionStatus {
  PROMOTED,
  SKIPPED,
  BLOCKED,
  FAILED
}
