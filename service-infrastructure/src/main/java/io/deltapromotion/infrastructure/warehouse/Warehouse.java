package io.deltapromotion.infrastructure.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Delta Lake operations the services run against the warehouse (the local lakehouse or Databricks).
 * Every method takes validated names, so no caller can put raw input into SQL. A statement the
 * warehouse refuses is a {@link WarehouseException} carrying the warehouse's own error text; a warehouse
 * that cannot be reached, or a connection that breaks, is a {@link WarehouseUnavailableException} (an
 * outage: wait and retry, after reading the target again).
 */
public interface Warehouse {

  boolean tableExists(TableName table);

  /**
   * The tables of a schema, sorted by name, and apart the names outside the grammar; none when the schema
   * does not exist.
   */
  SchemaTables tablesIn(SchemaName schema);

  /** The table's commits, newest first; at most {@code limit} of them. */
  List<HistoryEntry> history(TableName table, int limit);

  /**
   * The table's column names at a version, in order: one metadata-only statement, the cheapest way to
   * learn that the version exists and what it can be queried by.
   */
  List<String> columnNamesAt(TableName table, long version);

  /** The table's columns (names, types, nullability, comments) at a version. */
  TableSchema schemaAt(TableName table, long version);

  /** The table's schema and comment at a version, read together: what a version says of itself. */
  default VersionMetadata metadataAt(TableName table, long version) {
    return new VersionMetadata(schemaAt(table, version), tableCommentAt(table, version));
  }

  /**
   * The table's comment at a version, if it has one. A shallow clone carries the column comments (they
   * are part of the schema) but not the table comment.
   */
  Optional<String> tableCommentAt(TableName table, long version);

  /**
   * Opens every data file of the table at a version (null: its current version), reading their footers,
   * not their rows: what fails when a shallow clone's files were vacuumed from its source.
   *
   * @return how many data files the version has
   * @throws WarehouseException naming the file that is gone, or the table that does not exist
   */
  long readEveryFile(TableName table, Long version);

  /** Runs all the aggregates over the table at a version, in one query (one scan). */
  AggregateResult aggregate(TableName table, long version, List<Aggregate> aggregates);

  /** Replaces the target with a clone of the source at a version, with properties, in one statement where possible. */
  CloneResult clone(CloneRequest request);

  void setTableComment(TableName table, String comment);

  void setColumnComment(TableName table, Identifier column, String comment);

  /** The table's properties (TBLPROPERTIES), including Delta's own. */
  Map<String, String> properties(TableName table);

  /**
   * The table's properties, or none when it does not exist: one statement, which is its own existence
   * check (no look for the table before it).
   */
  default Optional<Map<String, String>> propertiesIfExists(TableName table) {
    try {
      return Optional.of(properties(table));
    } catch (WarehouseException.TableNotFound absent) {
      return Optional.empty();
    }
  }

  /** Restores the table to one of its own earlier versions (one commit); returns its new version. */
  default long restore(TableName table, long version) {
    return restore(table, version, null);
  }

  /** Restores the table to one of its own earlier versions in one commit marked with the note (may be null). */
  long restore(TableName table, long version, CommitNote note);

  /** Drops the table if it exists (a shallow clone's drop leaves its source's files alone). */
  void dropTable(TableName table);

  /**
   * Creates the record table, and its schema, unless the table exists; an existing table must have
   * every column of the definition (it may have more).
   */
  void ensureRecordTable(RecordTable table);

  /**
   * Writes the row (column name to value: String, Long or Instant as the column's type says; a column
   * left out is null) unless the table already has a row with its key; in a table kept newest
   * ({@link RecordTable#newestBy()}) it replaces that row when it is newer.
   *
   * @return whether the row was written (false: it, or a newer one, was there already)
   */
  boolean appendOnce(RecordTable table, Map<String, Object> row);
}
