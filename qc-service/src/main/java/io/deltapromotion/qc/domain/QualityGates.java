package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in gates that run in the one aggregate query over a pinned version, and their verdicts: the
 * version must have at least the policy's minimum of rows (FAIL below it; WARN when empty and no
 * minimum is set), and no key column may be null or any key (single or composite) repeated (FAIL).
 */
public final class QualityGates {

  static final String ROW_COUNT = "row_count";
  static final String NULL_KEYS = "null_keys";
  static final String DUPLICATE_KEYS = "duplicate_keys";

  private QualityGates() {}

  /** The aggregates of one scan: row count, nulls per key column, duplicate keys. */
  public static List<Aggregate> aggregates(List<Identifier> keyColumns) {
    List<Aggregate> aggregates = new ArrayList<>();
    aggregates.add(Aggregate.rowCount(ROW_COUNT));
    for (int i = 0; i < keyColumns.size(); i++) {
      aggregates.add(Aggregate.nullCount(NULL_KEYS + "_" + i, keyColumns.get(i)));
    }
    if (!keyColumns.isEmpty()) {
      aggregates.add(Aggregate.duplicateKeyCount(DUPLICATE_KEYS, keyColumns));
    }
    return aggregates;
  }

  /** The checks, judged from the scan's result. */
  public static List<CheckOutcome> evaluate(AggregateResult result, List<Identifier> keyColumns, long minRowCount) {
    List<CheckOutcome> checks = new ArrayList<>();
    long rows = rowCount(result);
    checks.add(rowCountCheck(rows, minRowCount));
    if (keyColumns.isEmpty()) {
      return checks;
    }
    for (int i = 0; i < keyColumns.size(); i++) {
      String column = keyColumns.get(i).value();
      long nulls = count(result, NULL_KEYS + "_" + i);
      checks.add(new CheckOutcome(NULL_KEYS + "." + column, nulls == 0 ? Verdict.PASS : Verdict.FAIL,
          Long.toString(nulls), "0", nulls == 0 ? "no row has a null " + column : nulls + " row(s) have a null " + column));
    }
    long duplicates = count(result, DUPLICATE_KEYS);
    String key = String.join(", ", keyColumns.stream().map(Identifier::value).toList());
    checks.add(new CheckOutcome(DUPLICATE_KEYS, duplicates == 0 ? Verdict.PASS : Verdict.FAIL, Long.toString(duplicates), "0",
        duplicates == 0 ? "every key (" + key + ") is unique"
            : duplicates + " row(s) repeat a key (" + key + ") another row already has"));
    return checks;
  }

  public static long rowCount(AggregateResult result) {
    return count(result, ROW_COUNT);
  }

  private static CheckOutcome rowCountCheck(long rows, long minRowCount) {
    if (minRowCount > 0 && rows < minRowCount) {
      return new CheckOutcome(ROW_COUNT, Verdict.FAIL, Long.toString(rows), Long.toString(minRowCount),
          "the version has " + rows + " rows, fewer than the policy's minimum of " + minRowCount
              + "; check that the pipeline loaded everything");
    }
    if (rows == 0) {
      return new CheckOutcome(ROW_COUNT, Verdict.WARN, "0", "1", "the version has no rows");
    }
    return new CheckOutcome(ROW_COUNT, Verdict.PASS, Long.toString(rows), Long.toString(Math.max(1, minRowCount)),
        rows + " rows");
  }

  private static long count(AggregateResult result, String alias) {
    return result.getLong(alias).orElseThrow(() -> new IllegalStateException("the aggregate query returned no " + alias));
  }
}
