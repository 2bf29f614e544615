package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;

/**
 * What QC said about one version of a first-stage table, as the promotion log keeps it.
 *
 * @param status the report's status: PASS, WARN or FAIL
 * @param passed whether the report allows promotion (PASS or WARN)
 * @param reportedAt when QC reported: when the version became a candidate in the first stage
 * @param promotionId the promotion (correlation) id of the version's way up the ladder
 * @param releaseTag the release the version belongs to, or null
 * @param approvalRequiredFor why QC says a person must approve the version into the second stage; null when
 *     it does not
 * @param sourceComment the source version's comment as the report carried it; null when it carried none
 */
public record QcVerdict(TableName source, long version, String status, boolean passed, Instant reportedAt, String promotionId,
    String releaseTag, String approvalRequiredFor, CarriedComment sourceComment) implements LogEntry {

  /** A verdict whose report carried no source comment. */
  public QcVerdict(TableName source, long version, String status, boolean passed, Instant reportedAt, String promotionId,
      String releaseTag, String approvalRequiredFor) {
    this(source, version, status, passed, reportedAt, promotionId, releaseTag, approvalRequiredFor, null);
  }
}
