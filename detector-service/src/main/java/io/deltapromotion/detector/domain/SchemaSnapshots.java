package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordColumn.Type;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.RecordTableWriter;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema hash of a table at a version, as rows of the promotion design's {@code schema_snapshots}
 * (its columns table_name, schema_hash, snapshot_at first): one for each version announced in pre-prod,
 * one for each version written into a stage, so its query comparing a pre-prod table's newest snapshot
 * with its prod table's works. The hash is the schema fingerprint the detector classifies changes by.
 * Keyed by the event the snapshot comes from: one row per event, however often it is delivered.
 */
public final class SchemaSnapshots {

  private static final TableName DEFAULT_TABLE = TableName.parse("dap_meta.schema_snapshots");

  static final RecordTable DEFINITION = new RecordTable(DEFAULT_TABLE,
      "Schema fingerprints of tables at the versions delta-promotion announced or wrote, one row per event",
      List.of(
          RecordColumn.of("table_name", Type.STRING, "the table (pre-prod, or a stage's)"),
          RecordColumn.of("schema_hash", Type.STRING, "fingerprint of its schema at that version; null when unreadable"),
          RecordColumn.of("snapshot_at", Type.TIMESTAMP, "when the version was announced or written (UTC)"),
          RecordColumn.of("table_version", Type.BIGINT, "the table's own Delta version"),
          RecordColumn.of("environment", Type.STRING, "the stage the table is in"),
          RecordColumn.of("event_id", Type.STRING, "id of the TableChanged or PromotionDone event; one row per event")),
      Identifier.of("event_id"));

  /**
   * A table's schema at one of its versions.
   *
   * @param schemaHash null when it could not be read (the version no longer exists)
   */
  public record Snapshot(String eventId, TableName table, long version, String environment, String schemaHash,
      Instant takenAt) {}

  private final RecordTableWriter writer;

  public SchemaSnapshots(Warehouse warehouse, TableName table) {
    this.writer = new RecordTableWriter(warehouse, DEFINITION.named(table));
  }

  public boolean record(Snapshot snapshot) {
    Map<String, Object> row = new HashMap<>();
    row.put("table_name", snapshot.table().toString());
    row.put("schema_hash", snapshot.schemaHash());
    row.put("snapshot_at", snapshot.takenAt());
    row.put("table_version", snapshot.version());
    row.put("environment", snapshot.environment());
    row.put("event_id", snapshot.eventId());
    return writer.append(row);
  }
}
