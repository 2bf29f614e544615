package io.deltapromotion.registryservice.domain;

import java.util.List;

/**
 * The quality report of one announced version (a QcCompleted).
 *
 * @param version the version audited; null when its source was missing
 * @param verdict PASS, WARN or FAIL
 * @param checks every check with what it measured and its threshold
 * @param rowCount the rows counted; null when not counted
 */
public record QcReport(LedgerEvent.Header header, Long version, String verdict, List<Check> checks, Long rowCount)
    implements LedgerEvent {

  /** One quality gate's outcome. */
  public record Check(String name, String verdict, String observedValue, String threshold, String message) {}

  public QcReport {
    checks = List.copyOf(checks);
  }
}
