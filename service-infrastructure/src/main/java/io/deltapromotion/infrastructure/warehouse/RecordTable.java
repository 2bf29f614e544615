package io.deltapromotion.infrastructure.warehouse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Delta table a service keeps records in: one row per event (quality reports, promotion audit), or
 * one row per key kept at its newest (a table's last promotion). A row of an event delivered twice is
 * written once; a row older than the one its key has is not written over it.
 *
 * @param name the table
 * @param comment the table's comment, set when the table is created
 * @param columns its columns, in order
 * @param key the column that identifies a row (e.g. the event id); never null in a row
 * @param newestBy null for a table of rows written once (a row whose key is there is not written again);
 *     else the column (never null in a row) by which a row replaces the one its key has when it is newer
 */
public record RecordTable(TableName name, String comment, List<RecordColumn> columns, Identifier key, Identifier newestBy) {

  /** A table of rows written once, never replaced. */
  public RecordTable(TableName name, String comment, List<RecordColumn> columns, Identifier key) {
    this(name, comment, columns, key, null);
  }

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
    if (newestBy != null && !seen.contains(newestBy.value().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the column " + newestBy + " that orders rows of " + name + " is not one of its columns");
    }
  }

  /** The column of that name (case-insensitive, as Spark resolves names), or null. */
  public RecordColumn column(String columnName) {
    return columns.stream().filter(column -> column.name().value().equalsIgnoreCase(columnName)).findFirst().orElse(null);
  }

  /** The same table under another name (e.g. one the configuration chose). */
  public RecordTable named(TableName otherName) {
    return new RecordTable(otherName, comment, columns, key, newestBy);
  }
}
