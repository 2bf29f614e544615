package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordColumn.Type;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTableSqlTest {

  private static final RecordTable REPORTS = new RecordTable(TableName.parse("dap_meta.quality_reports"), "QC reports",
      List.of(RecordColumn.of("event_id", Type.STRING, "the event's id"), RecordColumn.of("table_version", Type.BIGINT, null),
          RecordColumn.of("checked_at", Type.TIMESTAMP, null)), Identifier.of("event_id"));

  @Test
  void givenADefinitionWhenCreatedThenColumnsAreQuotedTypedAndCommented() {
    assertThat(RecordTableSql.createTable(REPORTS)).isEqualTo("CREATE TABLE IF NOT EXISTS `dap_meta`.`quality_reports` "
        + "(`event_id` STRING COMMENT 'the event\\'s id', `table_version` BIGINT, `checked_at` TIMESTAMP) USING delta COMMENT 'QC reports'");
    assertThat(RecordTableSql.createSchema(REPORTS)).isEqualTo("CREATE SCHEMA IF NOT EXISTS `dap_meta`");
  }

  @Test
  void givenARowWhenMergedThenItIsInsertedOnlyWhenItsKeyIsAbsentWithTypedLiterals() {
    String sql = RecordTableSql.mergeOnce(REPORTS,
        Map.of("event_id", "e-1", "table_version", 7L, "checked_at", Instant.ofEpochMilli(1_700_000_000_123L)));

    assertThat(sql).isEqualTo("MERGE INTO `dap_meta`.`quality_reports` AS target USING (SELECT 'e-1' AS `event_id`, "
        + "CAST(7 AS BIGINT) AS `table_version`, timestamp_millis(1700000000123) AS `checked_at`) AS source "
        + "ON target.`event_id` = source.`event_id` WHEN NOT MATCHED THEN INSERT (`event_id`, `table_version`, `checked_at`) "
        + "VALUES (source.`event_id`, source.`table_version`, source.`checked_at`)");
  }

  @Test
  void givenHostileTextAndMissingValuesWhenMergedThenTextStaysOneLiteralAndMissingValuesAreTypedNulls() {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", "x'); DROP TABLE prod.t; --");
    row.put("checked_at", null);

    String sql = RecordTableSql.mergeOnce(REPORTS, row);

    assertThat(sql).contains("SELECT 'x\\'); DROP TABLE prod.t; --' AS `event_id`, CAST(NULL AS BIGINT) AS `table_version`, "
        + "CAST(NULL AS TIMESTAMP) AS `checked_at`");
  }

  @Test
  void givenAnUnknownColumnAWrongTypeOrNoKeyWhenMergedThenTheRowIsRefusedByName() {
    assertThatThrownBy(() -> RecordTableSql.mergeOnce(REPORTS, Map.of("event_id", "e", "verdict", "PASS")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no column verdict");
    assertThatThrownBy(() -> RecordTableSql.mergeOnce(REPORTS, Map.of("event_id", "e", "table_version", "7")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table_version").hasMessageContaining("Long");
    assertThatThrownBy(() -> RecordTableSql.mergeOnce(REPORTS, Map.of("table_version", 7L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value for its key event_id");
  }

  @Test
  void givenAnExistingTableWithoutSomeColumnsWhenComparedThenTheMissingOnesAndTheirAlterStatementAreNamed() {
    List<RecordColumn> missing = RecordTableSql.missingColumns(REPORTS, List.of("EVENT_ID", "notes"));

    assertThat(missing).extracting(column -> column.name().value()).containsExactly("table_version", "checked_at");
    assertThat(RecordTableSql.addColumns(REPORTS, missing))
        .isEqualTo("ALTER TABLE `dap_meta`.`quality_reports` ADD COLUMNS (`table_version` BIGINT, `checked_at` TIMESTAMP)");
  }

  @Test
  void givenATableKeptNewest_whenMerged_thenARowOfItsKeyIsReplacedOnlyByANewerOne() {
    RecordTable latest = new RecordTable(TableName.parse("dap_meta.table_registry"), null,
        List.of(RecordColumn.of("table_name", RecordColumn.Type.STRING, null),
            RecordColumn.of("last_promoted_at", RecordColumn.Type.TIMESTAMP, null)),
        Identifier.of("table_name"), Identifier.of("last_promoted_at"));

    String sql = RecordTableSql.mergeOnce(latest, Map.of("table_name", "pp.orders", "last_promoted_at", Instant.ofEpochMilli(5)));

    assertThat(sql).contains(" WHEN MATCHED AND (target.`last_promoted_at` IS NULL OR source.`last_promoted_at` > "
        + "target.`last_promoted_at`) THEN UPDATE SET `table_name` = source.`table_name`, `last_promoted_at` = "
        + "source.`last_promoted_at` WHEN NOT MATCHED THEN INSERT");
    assertThatThrownBy(() -> RecordTableSql.mergeOnce(latest, Map.of("table_name", "pp.orders")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value for last_promoted_at");
  }

  @Test
  void givenAKeyThatIsNotAColumnOrAColumnNamedTwiceWhenDefinedThenTheDefinitionIsRefused() {
    assertThatThrownBy(() -> new RecordTable(REPORTS.name(), null, REPORTS.columns(), Identifier.of("id")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
    assertThatThrownBy(() -> new RecordTable(REPORTS.name(), null,
        List.of(RecordColumn.of("a", Type.STRING, null), RecordColumn.of("A", Type.BIGINT, null)), Identifier.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }
}
