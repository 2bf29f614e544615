package io.deltapromotion.notifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A QcCompleted, as far as lineage needs it: what QC measured on one version of a first-stage table.
 *
 * @param table the audited table, fully qualified, lower case
 * @param version the audited Delta version
 * @param status PASS, WARN or FAIL
 * @param rowCount the rows in that version; null when the table could not be read
 * @param checks every check that ran, in the order they ran
 * @param reportedAt when QC reported
 */
public record QcReport(String table, long version, String status, Long rowCount, List<Check> checks, Instant reportedAt) {

  public QcReport {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reportedAt, "reportedAt");
    checks = List.copyOf(checks);
  }

  /**
   * One quality gate's outcome.
   *
   * @param name stable check name, e.g. {@code row_count}, {@code null_keys.author_id}, {@code duplicate_keys}
   * @param status PASS, WARN or FAIL
   * @param observedValue what was measured, as text; null when nothing could be measured
   * @param threshold the limit it was compared with, as text; null for checks without one
   * @param message a sentence a person can act on
   */
  public record Check(String name, String status, String observedValue, String threshold, String message) {

    private static final String NULL_KEYS = "null_keys.";

    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
    }

    /** The key column a null-key check counted, if this is one. */
    public Optional<String> nullKeyColumn() {
      return name.startsWith(NULL_KEYS) && name.length() > NULL_KEYS.length()
          ? Optional.of(name.substring(NULL_KEYS.length()))
          : Optional.empty();
    }

    public boolean passed() {
      return "PASS".equals(status);
    }
  }
}
