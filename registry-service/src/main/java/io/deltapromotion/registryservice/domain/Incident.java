package io.deltapromotion.registryservice.domain;

import java.util.List;

/**
 * A hop that ended badly (blocked for good, failed, rolled back), with the checks that failed or warned
 * in its version's QC report.
 */
public record Incident(StageOutcome outcome, List<QcReport.Check> failingChecks) {

  public Incident {
    failingChecks = List.copyOf(failingChecks);
  }
}
