package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements behind {@link RecordTable}s. A row is written with a MERGE that inserts only when no
 * row has its key yet, so writing the same row twice leaves one. Column names come from the validated
 * table definition; values go in as escaped, typed literals.
 */
final class RecordTableSql {

  private RecordTableSql() {}

  static String createSchema(RecordTable table) {
    return "CREATE SCHEMA IF NOT EXISTS " + table.name().quotedSchema();
  }

  static String createTable(RecordTable table) {
    String columns = table.columns().stream()
        .map(column -> column.name().quoted() + " " + column.type().name() + comment(column.comment()))
        .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + table.name().quoted() + " (" + columns + ") USING delta" + comment(table.comment());
  }

  /** The table's columns that are not among the names an existing table has. */
  static List<RecordColumn> missingColumns(RecordTable table, List<String> present) {
    return table.columns().stream()
        .filter(column -> present.stream().noneMatch(name -> name.equalsIgnoreCase(column.name().value())))
        .toList();
  }

  static String addColumns(RecordTable table, List<RecordColumn> columns) {
    return "ALTER TABLE " + table.name().quoted() + " ADD COLUMNS ("
        + columns.stream().map(column -> column.name().quoted() + " " + column.type().name()).collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * Inserts the row unless a row with its key is there (in a table kept newest, replaces that row when
   * this one is newer); columns the row leaves out are null.
   *
   * @throws IllegalArgumentException if the row names a column the table does not have, gives a value
   *     of the wrong type, or has no key
   */
  static String mergeOnce(RecordTable table, Map<String, Object> row) {
    for (Map.Entry<String, Object> value : row.entrySet()) {
      RecordColumn column = table.column(value.getKey());
      if (column == null) {
        throw new IllegalArgumentException("record table " + table.name() + " has no column " + value.getKey());
      }
      if (value.getValue() != null && !column.type().javaType().isInstance(value.getValue())) {
        throw new IllegalArgumentException("column " + column.name() + " of " + table.name() + " takes "
            + column.type().javaType().getSimpleName() + " values, not " + value.getValue().getClass().getSimpleName());
      }
    }
    if (valueOf(row, table.key().value()) == null) {
      throw new IllegalArgumentException("a row of " + table.name() + " needs a value for its key " + table.key());
    }
    if (table.newestBy() != null && valueOf(row, table.newestBy().value()) == null) {
      throw new IllegalArgumentException("a row of " + table.name() + " needs a value for " + table.newestBy());
    }
    String source = table.columns().stream()
        .map(column -> literal(column, valueOf(row, column.name().value())) + " AS " + column.name().quoted())
        .collect(Collectors.joining(", "));
    String names = table.columns().stream().map(column -> column.name().quoted()).collect(Collectors.joining(", "));
    String values = table.columns().stream().map(column -> "source." + column.name().quoted()).collect(Collectors.joining(", "));
    return "MERGE INTO " + table.name().quoted() + " AS target USING (SELECT " + source + ") AS source"
        + " ON target." + table.key().quoted() + " = source." + table.key().quoted()
        + replaceWhenNewer(table)
        + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + values + ")";
  }

  private static String replaceWhenNewer(RecordTable table) {
    if (table.newestBy() == null) {
      return "";
    }
    String order = table.newestBy().quoted();
    String set = table.columns().stream().map(column -> column.name().quoted() + " = source." + column.name().quoted())
        .collect(Collectors.joining(", "));
    return " WHEN MATCHED AND (target." + order + " IS NULL OR source." + order + " > target." + order + ")"
        + " THEN UPDATE SET " + set;
  }

  private static Object valueOf(Map<String, Object> row, String column) {
    return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(column))
        .map(Map.Entry::getValue).filter(value -> value != null).findFirst().orElse(null);
  }

  private static String literal(RecordColumn column, Object value) {
    if (value == null) {
      return "CAST(NULL AS " + column.type().name() + ")";
    }
    return switch (column.type()) {
      case STRING -> SqlLiteral.of((String) value);
      case BIGINT -> "CAST(" + value + " AS BIGINT)";
      case TIMESTAMP -> "timestamp_millis(" + ((Instant) value).toEpochMilli() + ")";
    };
  }

  private static String comment(String comment) {
    return comment == null ? "" : " COMMENT " + SqlLiteral.of(comment);
  }
}
