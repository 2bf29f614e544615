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
 * One row per pre-prod table in the promotion design's {@code table_registry} (table_name,
 * expected_pk, schema_hash, last_promoted_version, last_promoted_at first): its key columns from the
 * table policy, and what its target stage (the one the detector announces for) last came to hold, by a
 * clone or a rollback. A row is replaced only by a newer one, so outcomes delivered twice or replayed
 * from the log's beginning leave the newest.
 */
public final class TableRegistry {

  private static final TableName DEFAULT_TABLE = TableName.parse("dap_meta.table_registry");

  static final RecordTable DEFINITION = new RecordTable(DEFAULT_TABLE,
      "Each pre-prod table's key columns and what its target stage last came to hold, kept by delta-promotion",
      List.of(
          RecordColumn.of("table_name", Type.STRING, "the pre-prod table; one row per table"),
          RecordColumn.of("expected_pk", Type.STRING, "its key columns from the table policy, comma-separated"),
          RecordColumn.of("schema_hash", Type.STRING, "fingerprint of the schema the target holds; null when unreadable"),
          RecordColumn.of("last_promoted_version", Type.BIGINT, "the pre-prod version the target holds"),
          RecordColumn.of("last_promoted_at", Type.TIMESTAMP, "when it came to hold it (UTC)"),
          RecordColumn.of("promoted_to", Type.STRING, "the target table"),
          RecordColumn.of("stage", Type.STRING, "the target stage"),
          RecordColumn.of("status", Type.STRING, "PROMOTED or ROLLED_BACK"),
          RecordColumn.of("event_id", Type.STRING, "id of the PromotionDone event it comes from")),
      Identifier.of("table_name"), Identifier.of("last_promoted_at"));

  /**
   * What the target came to hold.
   *
   * @param expectedKey the key columns, comma-separated; null when the policy names none
   * @param schemaHash null when the target's schema could not be read at that version
   */
  public record Holding(String eventId, TableName source, String expectedKey, String schemaHash, long version,
      Instant at, TableName target, String stage, String status) {}

  private final RecordTableWriter writer;

  public TableRegistry(Warehouse warehouse, TableName table) {
    this.writer = new RecordTableWriter(warehouse, DEFINITION.named(table));
  }

  /** Writes the holding unless the row of its table is as new already; returns whether it was written. */
  public boolean record(Holding holding) {
    Map<String, Object> row = new HashMap<>();
    row.put("table_name", holding.source().toString());
    row.put("expected_pk", holding.expectedKey());
    row.put("schema_hash", holding.schemaHash());
    row.put("last_promoted_version", holding.version());
    row.put("last_promoted_at", holding.at());
    row.put("promoted_to", holding.target().toString());
    row.put("stage", holding.stage());
    row.put("status", holding.status());
    row.put("event_id", holding.eventId());
    return writer.append(row);
  }
}
