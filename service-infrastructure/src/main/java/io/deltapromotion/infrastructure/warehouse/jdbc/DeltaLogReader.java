package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.util.List;

/**
 * Reads a table's schema (and comment) at a version from its Delta transaction log, through SQL. Spark reports every
 * column of a file-based table as nullable and JDBC metadata flattens nested and decimal types, so the
 * exact schema (types, nullability, comments) is only in the log: the latest {@code metaData} action
 * at or before the version, in a JSON commit or, once old commits are cleaned up, in a checkpoint.
 *
 * <p>On Databricks this reads files under the table's location, which needs READ FILES on it.
 */
final class DeltaLogReader {

  /**
   * The latest metaData action at or before a version: the table's schema and its comment (the
   * description, or the 'comment' property a clone writes it as; Spark shows either as the comment).
   */
  record MetaData(String schemaString, String description) {}

  MetaData metaDataAt(JdbcSession session, TableName table, long version) {
    String location = session.query("find the location of " + table, "DESCRIBE DETAIL " + table.quoted(),
        row -> row.getString("location")).get(0);
    String log = location.endsWith("/") ? location + "_delta_log" : location + "/_delta_log";
    String upTo = String.format("%020d", version);
    List<MetaData> fromCommits = session.query("read the metadata of " + table + " at version " + version + " from its commits",
        "SELECT get_json_object(value, '$.metaData.schemaString') AS schema_string,"
            + " coalesce(get_json_object(value, '$.metaData.description'),"
            + " get_json_object(value, '$.metaData.configuration.comment')) AS description"
            + " FROM text." + path(log + "/*.json")
            + " WHERE value LIKE '{\"metaData\":%'"
            + " AND _metadata.file_name RLIKE '^[0-9]{20}[.]json$'"
            + " AND substr(_metadata.file_name, 1, 20) <= '" + upTo + "'"
            + " ORDER BY _metadata.file_name DESC LIMIT 1",
        row -> new MetaData(row.getString("schema_string"), row.getString("description")));
    if (!fromCommits.isEmpty()) {
      return fromCommits.get(0);
    }
    return fromCheckpoints(session, table, version, log, upTo);
  }

  private static MetaData fromCheckpoints(JdbcSession session, TableName table, long version, String log, String upTo) {
    try {
      List<MetaData> schemas = session.query("read the metadata of " + table + " at version " + version + " from its checkpoints",
          "SELECT metaData.schemaString AS schema_string,"
              + " coalesce(metaData.description, metaData.configuration['comment']) AS description"
              + " FROM parquet." + path(log + "/*.checkpoint*.parquet")
              + " WHERE metaData IS NOT NULL AND substr(_metadata.file_name, 1, 20) <= '" + upTo + "'"
              + " ORDER BY _metadata.file_name DESC LIMIT 1",
          row -> new MetaData(row.getString("schema_string"), row.getString("description")));
      if (!schemas.isEmpty()) {
        return schemas.get(0);
      }
    } catch (WarehouseException noCheckpoints) {
      // reported below, with what was looked for
    }
    throw new WarehouseException("the Delta log of " + table + " (" + log + ") holds no schema at or before version "
        + version + ": neither its commits nor its checkpoints have a metaData action", null, null);
  }

  /** A file path as a backtick-quoted identifier, the form Spark's file sources take. */
  private static String path(String path) {
    return "`" + path.replace("`", "``") + "`";
  }
}
