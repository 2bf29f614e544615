package io.deltapromotion.infrastructure.warehouse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Delta table a service keeps records in, one row per event (quality reports, promotion audit).
 * Rows are written once: a row whose key is already in the table is not written again, so an event
 * delivered twice leaves one row.
 *
 * @param name the table
 * @param comment the table's comment, set when the table is created
 * @param columns its columns, in order
 * @param key the column that identifies a row (e.g. the event id); never null in a row
 */
public record RecordTable(TableName name, String comment, List<RecordColumn> columns, Identifier key) {

  public RecordTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    columns = List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    for (RecordColumn column : columns) {
      if (!seen.add(column.name().value().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("record table " + name + " names column " + column.name() + " twice");
      }
    }
    if (!seen.contains(key.value().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the key " + key + " of record table " + name + " is not one of its columns");
    }
  }

  /** The column of that name (case-insensitive, as Spark resolves names), or null. */
  public RecordColumn column(String columnName) {
    return columns.stream().filter(column -> column.name().value().equalsIgnoreCase(columnName)).findFirst().orElse(null);
  }

  /** The same table under another name (e.g. one the configuration chose). */
  public RecordTable named(TableName otherName) {
    return new RecordTable(otherName, comment, columns, key);
  }
}
