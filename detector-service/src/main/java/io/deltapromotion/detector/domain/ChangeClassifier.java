package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies a source version against what the target holds:
 * <ul>
 *   <li>NEW_TABLE: the target does not exist;
 *   <li>NO_CHANGE: the target already holds this version, or every commit since the version it holds
 *       left data and schema alone (OPTIMIZE, VACUUM, property or comment changes);
 *   <li>SCHEMA_CHANGE: the source schema differs from the target's;
 *   <li>DATA_ONLY: otherwise.
 * </ul>
 * MISSING_SOURCE is decided before there is a source version to classify.
 */
public final class ChangeClassifier {

  /** Delta operations that change neither the rows a reader sees nor the schema. */
  static final Set<String> DATA_NEUTRAL_OPERATIONS = Set.of(
      "OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES", "UNSET TBLPROPERTIES", "CHANGE COLUMN");

  private ChangeClassifier() {}

  public static ChangeCategory classify(TableName source, SourceVersion version, TargetState target) {
    if (!target.exists()) {
      return ChangeCategory.NEW_TABLE;
    }
    boolean sameSchema = version.schemaFingerprint().equals(target.schemaFingerprint());
    boolean promotedFromSource = target.lineage().filter(lineage -> lineage.promotedFrom().equals(source)).isPresent();
    if (promotedFromSource && target.promotedVersion().get() == version.version()) {
      return ChangeCategory.NO_CHANGE;
    }
    if (!sameSchema) {
      return ChangeCategory.SCHEMA_CHANGE;
    }
    if (promotedFromSource && onlyDataNeutralCommitsSince(target.promotedVersion().get(), version)) {
      return ChangeCategory.NO_CHANGE;
    }
    return ChangeCategory.DATA_ONLY;
  }

  /** Every version after {@code held} up to the source version is in the history and data-neutral. */
  private static boolean onlyDataNeutralCommitsSince(long held, SourceVersion version) {
    if (held >= version.version()) {
      return false;
    }
    Map<Long, HistoryEntry> byVersion = version.history().stream()
        .collect(Collectors.toMap(HistoryEntry::version, Function.identity(), (a, b) -> a));
    for (long v = held + 1; v <= version.version(); v++) {
      HistoryEntry commit = byVersion.get(v);
      if (commit == null || commit.operation() == null
          || !DATA_NEUTRAL_OPERATIONS.contains(commit.operation().toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
