package io.deltapromotion.qc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.qc.domain.ArchivedReport;
import io.deltapromotion.qc.domain.ReportArchive;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report table on the real lakehouse: the documents' columns first, one row per report event. */
@RequiresLocalStack(Component.LAKEHOUSE)
class ReportArchiveIT {

  private final TableName table =
      TableName.parse("qc_meta_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + ".quality_reports");
  private final JdbcUrlDataSource lakehouse =
      new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);
  private final ReportArchive archive =
      new ReportArchive(new JdbcWarehouse(lakehouse, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2)), table);

  @Test
  void givenNoReportTable_whenTheSameReportIsArchivedTwice_thenTheTableIsCreatedWithTheDocumentsColumnsAndHoldsItOnce() {
    ArchivedReport report = report("FAIL");

    boolean first = archive.archive(report);
    boolean again = archive.archive(report);
    archive.archive(report("PASS"));

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(LakehouseSql.columnNames(lakehouse, table.toString()).subList(0, 4))
        .containsExactly("release_tag", "table_name", "report_json", "checked_at");
    assertThat(LakehouseSql.rows(lakehouse, "SELECT event_id, release_tag, table_name, table_version, target_table, status, "
        + "CAST(checked_at AS STRING) FROM " + table + " WHERE report_json LIKE '%\"FAIL\"%'"))
        .containsExactly(List.of(report.eventId(), "r1", "pp.orders", "7", "pr.orders", "FAIL", "2026-11-21 10:15:30.5"));
    assertThat(LakehouseSql.rows(lakehouse, "SELECT COUNT(*) FROM " + table)).containsExactly(List.of("2"));
  }

  @Test
  void givenTheReportTableDroppedWhileRunning_whenTheNextReportIsArchived_thenItFailsOnceAndTheRetryCreatesTheTableAgain() {
    archive.archive(report("PASS"));
    LakehouseSql.execute(lakehouse, "DROP TABLE " + table);
    ArchivedReport next = report("WARN");

    assertThatThrownBy(() -> archive.archive(next)).isInstanceOf(WarehouseException.TableNotFound.class);
    assertThat(archive.archive(next)).isTrue();
    assertThat(LakehouseSql.rows(lakehouse, "SELECT event_id FROM " + table)).containsExactly(List.of(next.eventId()));
  }

  private static ArchivedReport report(String status) {
    return new ArchivedReport(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "r1", TableName.parse("pp.orders"),
        7L, TableName.parse("pr.orders"), status, "{\"status\":\"" + status + "\",\"checks\":[]}",
        Instant.parse("2026-11-21T10:15:30.500Z"));
  }
}
