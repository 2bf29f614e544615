package io.deltapromotion.qc.domain;

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
 * Keeps every published QC report as one row of a Delta table, for people who query reports with SQL.
 * The first four columns are those of the documents' {@code dap_meta.quality_reports}, so their queries
 * keep working. A report is written once however often its event is delivered: the row's key is the
 * event id. The table (and its schema) is created on the first report if it does not exist, and again
 * if it is dropped while the service runs.
 */
public final class ReportArchive {

  private static final TableName DEFAULT_TABLE = TableName.parse("dap_meta.quality_reports");

  static final RecordTable DEFINITION = new RecordTable(DEFAULT_TABLE,
      "QC reports of delta-promotion's qc-service, one row per QcCompleted event",
      List.of(
          RecordColumn.of("release_tag", Type.STRING, "release the table belongs to, if any"),
          RecordColumn.of("table_name", Type.STRING, "audited source table"),
          RecordColumn.of("report_json", Type.STRING, "the whole report: status, row count, every check"),
          RecordColumn.of("checked_at", Type.TIMESTAMP, "when the report was published (UTC)"),
          RecordColumn.of("event_id", Type.STRING, "id of the QcCompleted event; one row per event"),
          RecordColumn.of("promotion_id", Type.STRING, "the promotion the report belongs to (correlation id)"),
          RecordColumn.of("table_version", Type.BIGINT, "audited version of the source table"),
          RecordColumn.of("target_table", Type.STRING, "table the version would be promoted to"),
          RecordColumn.of("status", Type.STRING, "PASS, WARN or FAIL")),
      Identifier.of("event_id"));

  private final RecordTableWriter writer;

  public ReportArchive(Warehouse warehouse, TableName table) {
    this.writer = new RecordTableWriter(warehouse, DEFINITION.named(table));
  }

  /** Writes the report unless it is there already; returns whether it was written. */
  public boolean archive(ArchivedReport report) {
    return writer.append(row(report));
  }

  public TableName table() {
    return writer.table();
  }

  private static Map<String, Object> row(ArchivedReport report) {
    Map<String, Object> row = new HashMap<>();
    row.put("release_tag", report.releaseTag());
    row.put("table_name", report.table().toString());
    row.put("report_json", report.reportJson());
    row.put("checked_at", report.checkedAt());
    row.put("event_id", report.eventId());
    row.put("promotion_id", report.promotionId());
    row.put("table_version", report.version());
    row.put("target_table", report.targetTable() == null ? null : report.targetTable().toString());
    row.put("status", report.status());
    return row;
  }
}
