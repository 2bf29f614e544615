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
 * Every version the detector announced, as a row of the promotion design's {@code promotion_candidates}
 * table: its six columns first, named as it names them (table_name, target_table, category,
 * resolved_version, notes, checked_at), then the announcement's id (the key: one row per announcement,
 * however often it is delivered), promotion, environments and release. The design overwrites the table
 * on each detection run; here every run's candidates stay, so "newest first by checked_at" is the
 * current list and the history at once.
 */
public final class PromotionCandidates {

  private static final TableName DEFAULT_TABLE = TableName.parse("dap_meta.promotion_candidates");

  static final RecordTable DEFINITION = new RecordTable(DEFAULT_TABLE,
      "Table versions delta-promotion's detector-service announced for promotion, one row per TableChanged",
      List.of(
          RecordColumn.of("table_name", Type.STRING, "the pre-prod table"),
          RecordColumn.of("target_table", Type.STRING, "the table it would be promoted to"),
          RecordColumn.of("category", Type.STRING, "NEW_TABLE, DATA_ONLY, SCHEMA_CHANGE or MISSING_SOURCE"),
          RecordColumn.of("resolved_version", Type.BIGINT, "the pre-prod version announced; null when the source is missing"),
          RecordColumn.of("notes", Type.STRING, "why it is a candidate, e.g. version diff src:5 tgt:4"),
          RecordColumn.of("checked_at", Type.TIMESTAMP, "when the detector announced it (UTC)"),
          RecordColumn.of("event_id", Type.STRING, "id of the TableChanged event; one row per event"),
          RecordColumn.of("promotion_id", Type.STRING, "the promotion (correlation id) it starts"),
          RecordColumn.of("source_environment", Type.STRING, "the stage the table is in"),
          RecordColumn.of("target_environment", Type.STRING, "the stage it is announced for"),
          RecordColumn.of("release_tag", Type.STRING, "the release it belongs to, if any")),
      Identifier.of("event_id"));

  /**
   * One announcement.
   *
   * @param version null when the source is missing
   * @param targetVersion the version the target holds, as the detector saw it; null for none
   */
  public record Candidate(String eventId, String promotionId, TableName source, TableName target, String category,
      Long version, Long targetVersion, String sourceEnvironment, String targetEnvironment, String releaseTag,
      Instant checkedAt) {

    /** What the design's notes say: what differs between source and target. */
    String notes() {
      return switch (category) {
        case "NEW_TABLE" -> "new table: " + target + " does not exist";
        case "MISSING_SOURCE" -> "source missing: " + source + " does not exist";
        case "SCHEMA_CHANGE" -> "schema change at src:" + version + " tgt:" + (targetVersion == null ? "none" : targetVersion);
        default -> "version diff src:" + version + " tgt:" + (targetVersion == null ? "none" : targetVersion);
      };
    }
  }

  private final RecordTableWriter writer;

  public PromotionCandidates(Warehouse warehouse, TableName table) {
    this.writer = new RecordTableWriter(warehouse, DEFINITION.named(table));
  }

  /** Writes the candidate unless it is there already; returns whether it was written. */
  public boolean record(Candidate candidate) {
    Map<String, Object> row = new HashMap<>();
    row.put("table_name", candidate.source().toString());
    row.put("target_table", candidate.target().toString());
    row.put("category", candidate.category());
    row.put("resolved_version", candidate.version());
    row.put("notes", candidate.notes());
    row.put("checked_at", candidate.checkedAt());
    row.put("event_id", candidate.eventId());
    row.put("promotion_id", candidate.promotionId());
    row.put("source_environment", candidate.sourceEnvironment());
    row.put("target_environment", candidate.targetEnvironment());
    row.put("release_tag", candidate.releaseTag());
    return writer.append(row);
  }
}
