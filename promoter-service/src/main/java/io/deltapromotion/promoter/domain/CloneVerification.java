package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Locale;

/** Checks, from the target's newest commit, that it is a clone of exactly the source version. */
final class CloneVerification {

  private CloneVerification() {}

  /**
   * What is wrong with the target's newest commit, read right after the clone, or null when it is the
   * expected clone.
   */
  static String problem(HistoryEntry commit, TableName source, long version) {
    if (!"CLONE".equalsIgnoreCase(commit.operation())) {
      return "its newest commit (version " + commit.version() + ") is " + commit.operation()
          + ", not the clone (someone else wrote to it)";
    }
    String clonedFrom = commit.operationParameters().get("source");
    if (clonedFrom == null || !sameTable(clonedFrom, source)) {
      return "it was cloned from " + clonedFrom + ", not " + source;
    }
    String clonedVersion = commit.operationParameters().get("sourceVersion");
    if (!String.valueOf(version).equals(clonedVersion == null ? null : clonedVersion.strip())) {
      return "it was cloned at source version " + clonedVersion + ", not " + version;
    }
    return null;
  }

  /** Delta records the source fully qualified (e.g. spark_catalog.schema.table), possibly quoted. */
  private static boolean sameTable(String recorded, TableName source) {
    String normalised = recorded.replace("`", "").strip().toLowerCase(Locale.ROOT);
    String expected = source.toString();
    return normalised.equals(expected) || normalised.endsWith("." + expected);
  }
}
