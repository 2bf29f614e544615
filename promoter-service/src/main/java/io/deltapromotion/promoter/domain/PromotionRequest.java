package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Objects;

/**
 * A quality report, as the promoter acts on it.
 *
 * @param promotionId the promotion (correlation) id shared by all of its events
 * @param version the audited source version; null only when the source was missing
 * @param qcPassed the report allows promotion (PASS or WARN)
 * @param qcProblems what failed, for the BLOCKED message; empty when it passed
 * @param noChange the detector found nothing to promote (NO_CHANGE)
 * @param releaseTag the release, or null
 * @param approvalRequiredFor why QC says a person must approve it first; null when no approval is needed
 */
public record PromotionRequest(
    String promotionId, TableName source, Long version, TableName target, boolean qcPassed, String qcProblems,
    boolean noChange, String releaseTag, String approvalRequiredFor) {

  public PromotionRequest {
    Objects.requireNonNull(promotionId, "promotionId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.equals(target)) {
      throw new IllegalArgumentException("cannot promote " + source + " onto itself");
    }
    if (qcPassed && version == null) {
      throw new IllegalArgumentException("a passed report of " + source + " must name its version");
    }
  }
}
