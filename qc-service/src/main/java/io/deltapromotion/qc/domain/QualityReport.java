package io.deltapromotion.qc.domain;

import java.util.List;

/**
 * The outcome of auditing one version: every check in the order it ran, and the worst verdict.
 *
 * @param rowCount rows in the audited version; null when it could not be read
 */
public record QualityReport(Verdict verdict, List<CheckOutcome> checks, Long rowCount) {

  public QualityReport {
    checks = List.copyOf(checks);
  }

  public static QualityReport of(List<CheckOutcome> checks, Long rowCount) {
    Verdict verdict = checks.stream().map(CheckOutcome::verdict).reduce(Verdict.PASS, Verdict::worse);
    return new QualityReport(verdict, checks, rowCount);
  }
}
