package io.deltapromotion.qc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGatesTest {

  private static final List<Identifier> KEY = List.of(Identifier.of("order_id"), Identifier.of("line"));

  @Test
  void givenAKeyWhenTheGatesArePlannedThenOneScanComputesRowsNullsPerColumnAndDuplicates() {
    assertThat(QualityGates.aggregates(KEY)).extracting(aggregate -> aggregate.alias().value())
        .containsExactly("row_count", "null_keys_0", "null_keys_1", "duplicate_keys");
  }

  @Test
  void givenACleanVersionWhenJudgedThenEveryCheckPassesWithItsObservedValueAndThreshold() {
    QualityReport report = QualityReport.of(QualityGates.evaluate(result(120, 0, 0, 0), KEY, 0), 120L);

    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.checks()).extracting(CheckOutcome::name, CheckOutcome::observedValue, CheckOutcome::threshold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("row_count", "120", "1"),
            org.assertj.core.groups.Tuple.tuple("null_keys.order_id", "0", "0"),
            org.assertj.core.groups.Tuple.tuple("null_keys.line", "0", "0"),
            org.assertj.core.groups.Tuple.tuple("duplicate_keys", "0", "0"));
  }

  @Test
  void givenNullKeysWhenJudgedThenTheReportFailsAndSaysHowManyRows() {
    QualityReport report = QualityReport.of(QualityGates.evaluate(result(10, 0, 3, 0), KEY, 0), 10L);

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(report.checks().get(2).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(report.checks().get(2).message()).isEqualTo("3 row(s) have a null line");
  }

  @Test
  void givenDuplicateKeysWhenJudgedThenTheReportFails() {
    QualityReport report = QualityReport.of(QualityGates.evaluate(result(10, 0, 0, 2), KEY, 0), 10L);

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(report.checks().get(3).message()).startsWith("2 row(s) repeat a key (order_id, line)");
  }

  @Test
  void givenAnEmptyVersionWhenJudgedThenItWarnsButDoesNotFail() {
    assertThat(QualityReport.of(QualityGates.evaluate(result(0, 0, 0, 0), KEY, 0), 0L).verdict()).isEqualTo(Verdict.WARN);
  }

  @Test
  void givenNoKeyColumnsWhenJudgedThenOnlyTheRowCountRuns() {
    List<Aggregate> aggregates = QualityGates.aggregates(List.of());
    List<CheckOutcome> checks = QualityGates.evaluate(new AggregateResult(Map.of("row_count", 5L)), List.of(), 0);

    assertThat(aggregates).hasSize(1);
    assertThat(checks).extracting(CheckOutcome::name).containsExactly("row_count");
  }

  @Test
  void givenFewerRowsThanThePolicysMinimumWhenJudgedThenTheRowCountFails() {
    CheckOutcome rowCount = QualityGates.evaluate(result(99, 0, 0, 0), KEY, 100).get(0);

    assertThat(rowCount.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(rowCount.threshold()).isEqualTo("100");
    assertThat(rowCount.message()).contains("fewer than the policy's minimum of 100");
    assertThat(QualityGates.evaluate(result(100, 0, 0, 0), KEY, 100).get(0).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void givenVerdictsWhenCombinedThenTheWorstWins() {
    assertThat(Verdict.PASS.worse(Verdict.WARN)).isEqualTo(Verdict.WARN);
    assertThat(Verdict.FAIL.worse(Verdict.WARN)).isEqualTo(Verdict.FAIL);
    assertThat(Verdict.PASS.worse(Verdict.PASS)).isEqualTo(Verdict.PASS);
  }

  private static AggregateResult result(long rows, long nullFirst, long nullSecond, long duplicates) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("row_count", rows);
    values.put("null_keys_0", nullFirst);
    values.put("null_keys_1", nullSecond);
    values.put("duplicate_keys", duplicates);
    return new AggregateResult(values);
  }
}
