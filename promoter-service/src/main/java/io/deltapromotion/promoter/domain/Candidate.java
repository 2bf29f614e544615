package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;

/**
 * A version asking to enter a stage on its own way up the ladder (not on an operator's order).
 *
 * @param causeEventId the outcome that led to it; null when the QC report being handled did
 * @param version the source version; null when the source was missing
 * @param stage the index of the stage it asks to enter (1 or more)
 * @param enteredPreviousAt when it entered the stage before: its QC report for stage 1, else its promotion there
 * @param qc what QC said about the version
 * @param noChange the detector found nothing changed since the version the stage holds: no gate applies
 */
record Candidate(String promotionId, String causeEventId, TableName source, Long version, int stage, String releaseTag,
    Instant enteredPreviousAt, Qc qc, boolean noChange) {

  /**
   * @param problems what failed, for the BLOCKED message; empty when it passed
   * @param approvalRequiredFor why QC asks a person to approve the version first; null when it does not
   */
  record Qc(boolean passed, String problems, String approvalRequiredFor) {

    static Qc passed(String approvalRequiredFor) {
      return new Qc(true, "", approvalRequiredFor);
    }

    static Qc failed(String problems) {
      return new Qc(false, problems, null);
    }
  }
}
