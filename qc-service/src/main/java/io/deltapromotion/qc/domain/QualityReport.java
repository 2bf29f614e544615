package io.deltapromotion.qc.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of auditing one version: every check in the order it ran, and the worst verdict.
 *
 * @param rowCount rows in the audited version; null when it could not be read
 * @param approvalRequiredFor why a person must approve the promotion (breaking schema changes the
 *     policy allows with approval); null when none is needed
 */
public record QualityReport(Verdict verdict, List<CheckOutcome> checks, Long rowCount, String approvalRequiredFor) {

  public QualityReport {
    checks = List.copyOf(checks);
  }

  public static QualityReport of(List<CheckOutcome> checks, Long rowCount) {
    Verdict verdict = checks.stream().map(CheckOutcome::verdict).reduce(Verdict.PASS, Verdict::worse);
    String approval = checks.stream().filter(CheckOutcome::requiresApproval).map(CheckOutcome::message)
        .collect(Collectors.collectingAndThen(Collectors.joining("; "), text -> text.isEmpty() ? null : text));
    return new QualityReport(verdict, checks, rowCount, approval);
  }
}
