package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.util.Locale;

/**
 * Where open-source Delta Lake on Spark and Databricks differ, chosen from the JDBC URL:
 * {@code jdbc:hive2://} is a Spark Thrift Server with open-source Delta (the local lakehouse),
 * {@code jdbc:databricks://} is Databricks.
 */
public enum WarehouseDialect {
  OPEN_SOURCE_DELTA(false, false),
  DATABRICKS(true, true);

  private final boolean deepClone;
  private final boolean atomicReplaceClone;

  WarehouseDialect(boolean deepClone, boolean atomicReplaceClone) {
    this.deepClone = deepClone;
    this.atomicReplaceClone = atomicReplaceClone;
  }

  public static WarehouseDialect fromJdbcUrl(String url) {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:hive2://")) {
      return OPEN_SOURCE_DELTA;
    }
    if (lower.startsWith("jdbc:databricks://")) {
      return DATABRICKS;
    }
    throw new IllegalArgumentException("unsupported warehouse JDBC URL '" + (url == null ? "" : url.replaceAll(";.*", ";..."))
        + "': expected jdbc:hive2://host:port/db (Spark Thrift Server, open-source Delta) or "
        + "jdbc:databricks://host:443/... (Databricks)");
  }

  /** DEEP CLONE exists (Databricks only; open-source Delta cannot even parse it). */
  public boolean supportsDeepClone() {
    return deepClone;
  }

  /**
   * CREATE OR REPLACE ... CLONE may replace a non-empty table in one commit. Open-source Delta refuses
   * (DELTA_UNSUPPORTED_NON_EMPTY_CLONE): the target must be emptied first, a second commit.
   */
  public boolean replacesNonEmptyTableInOneClone() {
    return atomicReplaceClone;
  }
}
