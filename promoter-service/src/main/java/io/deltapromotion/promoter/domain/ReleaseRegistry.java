package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordColumn.Type;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.RecordTableWriter;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every final promotion outcome as one row of a Delta audit table, for people who query promotions with
 * SQL. The first eight columns are those of the documents' {@code dap_meta.release_registry}, so their
 * queries keep working. An outcome is written once however often its event is delivered: the row's key
 * is the event id. The table (and its schema) is created on the first outcome if it does not exist, and
 * again if it is dropped while the service runs.
 */
public final class ReleaseRegistry {

  private static final TableName DEFAULT_TABLE = TableName.parse("dap_meta.release_registry");

  static final RecordTable DEFINITION = new RecordTable(DEFAULT_TABLE,
      "Promotion outcomes of delta-promotion's promoter-service, one row per final PromotionDone event",
      List.of(
          RecordColumn.of("release_tag", Type.STRING, "release the version belongs to, if any"),
          RecordColumn.of("table_name", Type.STRING, "source table (the ladder's first stage)"),
          RecordColumn.of("source_version", Type.BIGINT, "source version promoted (for ROLLED_BACK, the one held afterwards)"),
          RecordColumn.of("promoted_to", Type.STRING, "the stage's table it was promoted to (or blocked from)"),
          RecordColumn.of("promoted_at", Type.TIMESTAMP, "when the outcome was decided (UTC)"),
          RecordColumn.of("promoted_by", Type.STRING,
              "the operator who ordered it, else the one who approved it, else promoter-service"),
          RecordColumn.of("quality_status", Type.STRING, "QC status of the version: PASS, WARN or FAIL"),
          RecordColumn.of("quality_report", Type.STRING, "short JSON pointing at the QC report"),
          RecordColumn.of("notes", Type.STRING, "why it was BLOCKED, FAILED, SKIPPED or ROLLED_BACK"),
          RecordColumn.of("event_id", Type.STRING, "id of the PromotionDone event; one row per event"),
          RecordColumn.of("promotion_id", Type.STRING, "the promotion (correlation id)"),
          RecordColumn.of("stage", Type.STRING, "the ladder stage written (targetEnvironment)"),
          RecordColumn.of("status", Type.STRING, "PROMOTED, SKIPPED, BLOCKED, FAILED or ROLLED_BACK"),
          RecordColumn.of("target_version", Type.BIGINT, "the target's own Delta version afterwards, when written")),
      Identifier.of("event_id"));

  private final RecordTableWriter writer;

  public ReleaseRegistry(Warehouse warehouse, TableName table) {
    this.writer = new RecordTableWriter(warehouse, DEFINITION.named(table));
  }

  /** Writes the outcome unless it is there already; returns whether it was written. */
  public boolean record(RegistryRecord outcome) {
    return writer.append(row(outcome));
  }

  public TableName table() {
    return writer.table();
  }

  private static Map<String, Object> row(RegistryRecord outcome) {
    Map<String, Object> row = new HashMap<>();
    row.put("release_tag", outcome.releaseTag());
    row.put("table_name", outcome.source().toString());
    row.put("source_version", outcome.version());
    row.put("promoted_to", outcome.target().toString());
    row.put("promoted_at", outcome.promotedAt());
    row.put("promoted_by", outcome.promotedBy());
    row.put("quality_status", outcome.qualityStatus());
    row.put("quality_report", outcome.qualityReport());
    row.put("notes", outcome.notes());
    row.put("event_id", outcome.eventId());
    row.put("promotion_id", outcome.promotionId());
    row.put("stage", outcome.stage());
    row.put("status", outcome.status());
    row.put("target_version", outcome.targetDeltaVersion());
    return row;
  }
}
