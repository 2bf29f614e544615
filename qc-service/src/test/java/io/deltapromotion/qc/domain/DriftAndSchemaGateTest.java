package io.deltapromotion.qc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.policy.BreakingChanges;
import io.deltapromotion.policy.DriftThresholds;
import io.deltapromotion.qc.domain.PromotionHistory.PromotedBaseline;
import io.deltapromotion.qc.domain.SchemaChange.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DriftAndSchemaGateTest {

  private static final DriftThresholds LIMITS = new DriftThresholds(10.0, 30.0);

  @ParameterizedTest
  @CsvSource({"1000, 1100, PASS, 10", "1000, 1101, WARN, 10.1", "1000, 700, WARN, 30", "1000, 699, FAIL, 30.1",
      "1000, 1301, FAIL, 30.1", "0, 5, FAIL, inf", "0, 0, PASS, 0"})
  void givenARowCountAgainstThePromotedOne_whenJudged_thenGrowthAndShrinkageCountAlike(long before, long now,
      Verdict verdict, String percent) {
    CheckOutcome drift = DriftGate.evaluate(now, Optional.of(new PromotedBaseline(7, before)), LIMITS);

    assertThat(drift.verdict()).isEqualTo(verdict);
    assertThat(drift.observedValue()).isEqualTo(percent);
    assertThat(drift.threshold()).isEqualTo("warn>10% fail>30%");
  }

  @Test
  void givenTheDefaultLimits_whenTheCountDriftsFar_thenItOnlyWarns() {
    CheckOutcome drift = DriftGate.evaluate(10, Optional.of(new PromotedBaseline(7, 1000)), DriftThresholds.DEFAULT);

    assertThat(drift.verdict()).isEqualTo(Verdict.WARN);
    assertThat(drift.message()).contains("1000 rows in promoted version 7 -> 10 rows (-99%)");
  }

  @Test
  void givenNothingPromotedYet_whenJudged_thenDriftPasses() {
    assertThat(DriftGate.evaluate(10, Optional.empty(), LIMITS).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void givenOnlyAdditiveChanges_whenJudged_thenTheSchemaPasses() {
    CheckOutcome check = SchemaGate.evaluate(List.of(new SchemaChange(Kind.ADDED_NULLABLE_COLUMN, "c", null, "int")),
        BreakingChanges.NEVER);

    assertThat(check.verdict()).isEqualTo(Verdict.PASS);
    assertThat(check.requiresApproval()).isFalse();
  }

  @Test
  void givenABreakingChange_whenThePolicySaysNever_thenItFails() {
    CheckOutcome check = SchemaGate.evaluate(List.of(new SchemaChange(Kind.DROPPED_COLUMN, "email", "string", null)),
        BreakingChanges.NEVER);

    assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check.message()).startsWith("breaking schema change: dropped column email");
  }

  @Test
  void givenABreakingChange_whenThePolicyAllowsItWithApproval_thenTheReportRequiresApproval() {
    CheckOutcome check = SchemaGate.evaluate(List.of(new SchemaChange(Kind.DROPPED_COLUMN, "email", "string", null)),
        BreakingChanges.APPROVAL);
    QualityReport report = QualityReport.of(List.of(check), 10L);

    assertThat(report.verdict()).isEqualTo(Verdict.WARN);
    assertThat(report.approvalRequiredFor()).isEqualTo("breaking schema change requires approval: dropped column email");
  }
}
