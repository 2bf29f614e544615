package io.deltapromotion.notifier.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest QC report of each recent version of each audited table, folded from the quality reports:
 * what a promotion's lineage says about the version it promoted. A version audited again (a rebaseline's
 * audit, a report delivered twice) keeps its latest report. Only the newest {@code versionsPerTable}
 * versions of a table are kept: a promotion of an older version (a rollback far back) carries no report.
 * Thread-safe.
 */
public final class QcReports {

  private final int versionsPerTable;
  private final Map<String, TreeMap<Long, QcReport>> reports = new HashMap<>();

  public QcReports(int versionsPerTable) {
    if (versionsPerTable < 1) {
      throw new IllegalArgumentException("at least one version per table must be kept, got " + versionsPerTable);
    }
    this.versionsPerTable = versionsPerTable;
  }

  public synchronized void record(QcReport report) {
    TreeMap<Long, QcReport> versions = reports.computeIfAbsent(report.table(), table -> new TreeMap<>());
    QcReport held = versions.get(report.version());
    if (held == null || !held.reportedAt().isAfter(report.reportedAt())) {
      versions.put(report.version(), report);
    }
    while (versions.size() > versionsPerTable) {
      versions.pollFirstEntry();
    }
  }

  public synchronized Optional<QcReport> find(String table, long version) {
    TreeMap<Long, QcReport> versions = reports.get(table);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }
}
