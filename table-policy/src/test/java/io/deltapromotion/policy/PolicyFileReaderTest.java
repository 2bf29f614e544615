package io.deltapromotion.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.policy.InvalidPolicyException.PolicyError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyFileReaderTest {

  private static final TableName AUTHORS = TableName.parse("dap_silver_pp.author_profile");
  private static final TableName GRANTS = TableName.parse("dap_silver_pp.grant_profile");
  private static final TableName OTHER = TableName.parse("dap_silver_pp.publication_index");
  private static final TableName ELSEWHERE = TableName.parse("sales_pp.orders");

  @Test
  void givenTheRepositoryPolicy_whenLoaded_thenEachTableGetsItsMostSpecificRules() {
    TablePolicies policies = TablePolicyConfiguration.load(Path.of("../config/table-policies.yaml"));

    TablePolicy authors = policies.policyFor(AUTHORS);
    assertThat(authors.keyColumns()).containsExactly(Identifier.of("author_id"));
    assertThat(authors.drift()).isEqualTo(new DriftThresholds(5.0, 25.0));
    assertThat(authors.minRowCount()).isEqualTo(1);
    assertThat(authors.breakingChanges()).isEqualTo(BreakingChanges.APPROVAL);
    assertThat(authors.checks()).extracting(CustomCheck::name, CustomCheck::kind, CustomCheck::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("valid_orcid", CustomCheck.Kind.CONDITION, Severity.FAIL),
            org.assertj.core.groups.Tuple.tuple("average_h_index", CustomCheck.Kind.METRIC, Severity.WARN));

    TablePolicy grants = policies.policyFor(GRANTS);
    assertThat(grants.keyColumns()).extracting(Identifier::value).containsExactly("funder_id", "grant_id");
    assertThat(grants.drift()).isEqualTo(new DriftThresholds(10.0, 50.0));

    assertThat(policies.policyFor(OTHER).breakingChanges()).isEqualTo(BreakingChanges.APPROVAL);
    assertThat(policies.policyFor(ELSEWHERE).breakingChanges()).isEqualTo(BreakingChanges.NEVER);
    assertThat(policies.releaseOf(AUTHORS)).contains("2025Q4_R1");
    assertThat(policies.releaseOf(OTHER)).isEmpty();
  }

  @Test
  void givenNoPolicyFile_whenAskedForATable_thenTheBuiltInDefaultsApply() {
    TablePolicy policy = TablePolicies.NONE.policyFor(ELSEWHERE);

    assertThat(policy).isEqualTo(TablePolicy.DEFAULT);
    assertThat(policy.drift()).isEqualTo(new DriftThresholds(10.0, null));
  }

  @Test
  void givenASchemaRelease_whenATableHasItsOwnRelease_thenTheTablesWins() {
    TablePolicies policies = PolicyFileReader.read("p.yaml", """
        releases:
          R1: [dap_silver_pp.*]
          R2: [dap_silver_pp.author_profile]
        """);

    assertThat(policies.releaseOf(AUTHORS)).contains("R2");
    assertThat(policies.releaseOf(GRANTS)).contains("R1");
  }

  @Test
  void givenAnInvalidPolicy_whenRead_thenEveryErrorIsReportedWithItsLineAndField() {
    InvalidPolicyException error = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyFileReader.read("p.yaml", """
        defaults:
          drift: {warn-above: ten}
          breaking-changes: sometimes
        tables:
          - match: dap_silver_pp.author-profile
            key-colums: [author_id]
          - match: dap_silver_pp.orders
            min-row-count: -1
            checks:
              - name: positive
                condition: amount > 0; DROP TABLE x
              - name: avg
                metric: amount
              - name: both
                condition: a > 0
                metric: AVG(a)
              - condition: SUM(a) > 0
          - match: dap_silver_pp.orders
        releases:
          R1: [dap_silver_pp.orders]
          R2: [dap_silver_pp.orders]
        """));

    assertThat(error.errors()).extracting(PolicyError::line, PolicyError::field).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(2, "defaults.drift.warn-above"),
        org.assertj.core.groups.Tuple.tuple(3, "defaults.breaking-changes"),
        org.assertj.core.groups.Tuple.tuple(5, "tables[0].match"),
        org.assertj.core.groups.Tuple.tuple(6, "tables[0].key-colums"),
        org.assertj.core.groups.Tuple.tuple(8, "tables[1].min-row-count"),
        org.assertj.core.groups.Tuple.tuple(11, "tables[1].checks[0].condition"),
        org.assertj.core.groups.Tuple.tuple(13, "tables[1].checks[1].metric"),
        org.assertj.core.groups.Tuple.tuple(14, "tables[1].checks[2]"),
        org.assertj.core.groups.Tuple.tuple(17, "tables[1].checks[3].name"),
        org.assertj.core.groups.Tuple.tuple(17, "tables[1].checks[3].condition"),
        org.assertj.core.groups.Tuple.tuple(18, "tables[2].match"),
        org.assertj.core.groups.Tuple.tuple(21, "releases.R2[0]"));
    assertThat(error.getMessage())
        .contains("p.yaml:2: defaults.drift.warn-above: must be a percentage like 10% (or none), got 'ten'")
        .contains("p.yaml:3: defaults.breaking-changes: must be one of [never, approval], got 'sometimes'")
        .contains("p.yaml:6: tables[0].key-colums: is not a known key")
        .contains("p.yaml:11: tables[1].checks[0].condition: unexpected ';'")
        .contains("p.yaml:21: releases.R2[0]: dap_silver_pp.orders is already in release R1");
  }

  @Test
  void givenMalformedYaml_whenRead_thenTheErrorHasTheLine() {
    InvalidPolicyException error = catchThrowableOfType(InvalidPolicyException.class,
        () -> PolicyFileReader.read("p.yaml", "tables:\n  - match: [a\n  b: c\n"));

    assertThat(error.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("(file)");
      assertThat(e.message()).startsWith("not valid YAML");
      assertThat(e.line()).isGreaterThan(1);
    });
  }

  @Test
  void givenWarnAboveFail_whenRead_thenTheDriftIsRejected() {
    InvalidPolicyException error = catchThrowableOfType(InvalidPolicyException.class,
        () -> PolicyFileReader.read("p.yaml", "defaults:\n  drift: {warn-above: 30%, fail-above: 20%}\n"));

    assertThat(error.getMessage()).contains("p.yaml:2: defaults.drift: warn-above (30.0%) must not exceed fail-above (20.0%)");
  }
}
