package io.deltapromotion.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QcReportsTest {

  @Test
  void givenAVersionAuditedTwice_whenLookedUp_thenTheLaterReportIsFound_whateverOrderTheyWereReadIn() {
    QcReports reports = new QcReports(8);
    reports.record(report("a_pp.t", 3, "PASS", "2026-11-29T10:00:00Z"));
    reports.record(report("a_pp.t", 3, "FAIL", "2026-11-29T11:00:00Z"));
    reports.record(report("a_pp.t", 3, "WARN", "2026-11-29T09:00:00Z"));

    assertThat(reports.find("a_pp.t", 3)).get().extracting(QcReport::status).isEqualTo("FAIL");
    assertThat(reports.find("a_pp.t", 4)).isEmpty();
    assertThat(reports.find("b_pp.t", 3)).isEmpty();
  }

  @Test
  void givenMoreVersionsThanKept_whenLookedUp_thenOnlyTheNewestVersionsAreFound() {
    QcReports reports = new QcReports(2);
    for (long version = 1; version <= 4; version++) {
      reports.record(report("a_pp.t", version, "PASS", "2026-11-29T10:00:00Z"));
    }

    assertThat(reports.find("a_pp.t", 2)).isEmpty();
    assertThat(reports.find("a_pp.t", 3)).isPresent();
    assertThat(reports.find("a_pp.t", 4)).isPresent();
  }

  @Test
  void givenANullKeyCheck_whenAskedItsColumn_thenItIsTheKeyColumn_andOtherChecksHaveNone() {
    assertThat(new QcReport.Check("null_keys.author_id", "PASS", "0", "0", "ok").nullKeyColumn()).contains("author_id");
    assertThat(new QcReport.Check("duplicate_keys", "PASS", "0", "0", "ok").nullKeyColumn()).isEmpty();
  }

  private static QcReport report(String table, long version, String status, String at) {
    return new QcReport(table, version, status, 10L, List.of(), Instant.parse(at));
  }
}
