package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import java.util.List;

/**
 * The rules that apply to one table, each taken from the most specific policy entry that sets it (the
 * table's own entry, then its schema's, then the defaults, then the built-in default).
 *
 * @param keyColumns the columns that identify a row (checked for nulls and duplicates); empty for none
 * @param drift row-count drift limits against the version last promoted
 * @param minRowCount fewer rows than this fails (0: no minimum, though an empty version warns)
 * @param breakingChanges what a breaking schema change leads to
 * @param checks the custom checks
 */
public record TablePolicy(List<Identifier> keyColumns, DriftThresholds drift, long minRowCount,
    BreakingChanges breakingChanges, List<CustomCheck> checks) {

  public static final TablePolicy DEFAULT = new TablePolicy(List.of(), DriftThresholds.DEFAULT, 0,
      BreakingChanges.NEVER, List.of());

  public TablePolicy {
    keyColumns = List.copyOf(keyColumns);
    checks = List.copyOf(checks);
    if (minRowCount < 0) {
      throw new IllegalArgumentException("min-row-count must be at least 0");
    }
  }
}
