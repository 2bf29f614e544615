package io.deltapromotion.qc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.CountingDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.policy.PolicyFileReader;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.qc.domain.AuditRequest;
import io.deltapromotion.qc.domain.CheckOutcome;
import io.deltapromotion.qc.domain.PromotionHistory;
import io.deltapromotion.qc.domain.PromotionHistory.PromotedBaseline;
import io.deltapromotion.qc.domain.QualityAudit;
import io.deltapromotion.qc.domain.QualityReport;
import io.deltapromotion.qc.domain.Verdict;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each gate on real Delta tables of the local lakehouse, under a real policy file. Tables:
 * {@code orders} (100 clean rows, composite key order_id+line), {@code orders_dirty} (a duplicate key
 * pair, a null line, a negative amount), and three candidates for {@code customers}, whose target in
 * prod is (id BIGINT NOT NULL, email STRING, amount INT): one adds a nullable column, one drops email.
 */
@RequiresLocalStack(Component.LAKEHOUSE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityAuditIT {

  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String preprod = "qc_pp_" + suffix;
  private final String prod = "qc_pr_" + suffix;
  private final JdbcUrlDataSource lakehouse =
      new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);
  private final CountingDataSource counting = new CountingDataSource(lakehouse);
  private final JdbcWarehouse warehouse =
      new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));

  @BeforeAll
  void createTables() {
    LakehouseSql.execute(lakehouse,
        "CREATE SCHEMA " + preprod,
        "CREATE SCHEMA " + prod,
        "CREATE TABLE " + preprod + ".orders (order_id BIGINT, line INT, amount DOUBLE) USING delta",
        "INSERT INTO " + preprod + ".orders SELECT id, CAST(id % 3 AS INT), id * 2.5 FROM range(0, 100)",
        "CREATE TABLE " + preprod + ".orders_dirty (order_id BIGINT, line INT, amount DOUBLE) USING delta",
        "INSERT INTO " + preprod + ".orders_dirty VALUES (1, 1, 10.0), (1, 1, 12.0), (2, NULL, 5.0), (3, 1, -4.0)",
        "CREATE TABLE " + prod + ".customers (id BIGINT NOT NULL, email STRING, amount INT) USING delta",
        "CREATE TABLE " + preprod + ".customers_added (id BIGINT NOT NULL, email STRING, amount INT, country STRING) USING delta",
        "INSERT INTO " + preprod + ".customers_added VALUES (1, 'a@x', 3, 'NL')",
        "CREATE TABLE " + preprod + ".customers_dropped (id BIGINT NOT NULL, amount INT) USING delta",
        "INSERT INTO " + preprod + ".customers_dropped VALUES (1, 3)");
  }

  @Test
  void givenACleanVersion_whenAudited_thenEveryGateAndCustomCheckPassesInOneScanAfterOneMetadataRead() {
    QualityAudit audit = audit(policy("""
        tables:
          - match: %s.orders
            key-columns: [order_id, line]
            checks:
              - name: non_negative
                condition: amount >= 0
              - name: average_amount
                metric: AVG(amount)
                min: 100
                max: 200
        """), nothingPromoted());
    counting.reset();

    QualityReport report = audit.audit(request("orders", 1, false));

    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.rowCount()).isEqualTo(100);
    assertThat(report.checks()).extracting(CheckOutcome::name).containsExactly("row_count", "null_keys.order_id",
        "null_keys.line", "duplicate_keys", "row_count_drift", "custom.non_negative", "custom.average_amount");
    assertThat(report.checks()).filteredOn(check -> check.name().equals("custom.average_amount"))
        .singleElement().extracting(CheckOutcome::observedValue).isEqualTo("123.75");
    assertThat(counting.statements()).as("statements: one metadata read, one scan").isEqualTo(2);
  }

  @Test
  void givenRowCountsAgainstThePromotedVersion_whenTheyDrift_thenTheyWarnAndThenFail() {
    TablePolicies policy = policy("""
        tables:
          - match: %s.orders
            key-columns: [order_id, line]
            drift: {warn-above: 10%%, fail-above: 50%%}
        """);

    QualityReport warned = audit(policy, promoted(80)).audit(request("orders", 1, false));
    QualityReport failed = audit(policy, promoted(50)).audit(request("orders", 1, false));
    QualityReport steady = audit(policy, promoted(95)).audit(request("orders", 1, false));

    assertThat(check(warned, "row_count_drift").verdict()).isEqualTo(Verdict.WARN);
    assertThat(check(warned, "row_count_drift").observedValue()).isEqualTo("25");
    assertThat(warned.verdict()).isEqualTo(Verdict.WARN);
    assertThat(check(failed, "row_count_drift").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(failed, "row_count_drift").message()).contains("50 rows in promoted version 0 -> 100 rows (+100%)");
    assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(steady, "row_count_drift").verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void givenDirtyRows_whenAudited_thenCompositeKeyAndCustomChecksFailWithActionableMessages() {
    QualityAudit audit = audit(policy("""
        tables:
          - match: %s.orders_dirty
            key-columns: [order_id, line]
            min-row-count: 10
            checks:
              - name: non_negative
                condition: amount >= 0
              - name: has_currency
                condition: currency IS NOT NULL
                severity: warn
        """), nothingPromoted());

    QualityReport report = audit.audit(request("orders_dirty", 1, false));

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "row_count").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "null_keys.line").observedValue()).isEqualTo("1");
    assertThat(check(report, "duplicate_keys").observedValue()).isEqualTo("1");
    assertThat(check(report, "custom.non_negative").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "custom.non_negative").message()).isEqualTo("1 row(s) do not satisfy amount >= 0 (at most 0 allowed)");
    assertThat(check(report, "custom.has_currency").verdict()).isEqualTo(Verdict.WARN);
    assertThat(check(report, "custom.has_currency").message()).contains("refers to column(s) [currency]");
  }

  @Test
  void givenAnAdditiveSchemaChange_whenAudited_thenTheSchemaGatePasses() {
    QualityReport report = audit(policy("defaults: {min-row-count: 0}"), nothingPromoted())
        .audit(request("customers_added", 1, true));

    assertThat(check(report, "schema_compatibility").verdict()).isEqualTo(Verdict.PASS);
    assertThat(check(report, "schema_compatibility").message()).isEqualTo("additive schema change: added nullable column country string");
    assertThat(report.approvalRequiredFor()).isNull();
  }

  @Test
  void givenABreakingSchemaChange_whenThePolicyNeverAllowsIt_thenItFails() {
    QualityReport report = audit(policy("defaults: {breaking-changes: never}"), nothingPromoted())
        .audit(request("customers_dropped", 1, true));

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "schema_compatibility").message()).startsWith("breaking schema change: dropped column email");
  }

  @Test
  void givenABreakingSchemaChange_whenThePolicyAllowsItWithApproval_thenTheReportRequiresApproval() {
    QualityReport report = audit(policy("""
        tables:
          - match: %s.customers_dropped
            key-columns: [id]
            breaking-changes: approval
        """), nothingPromoted()).audit(request("customers_dropped", 1, true));

    assertThat(report.verdict()).isEqualTo(Verdict.WARN);
    assertThat(report.approvalRequiredFor()).isEqualTo("breaking schema change requires approval: dropped column email");
  }

  @Test
  void givenAMetricThatIsNotANumber_whenAudited_thenTheCheckFailsWithWhatItReturnedAndTheOthersStillRun() {
    QualityReport report = audit(policy("""
        tables:
          - match: %s.customers_added
            key-columns: [id]
            checks:
              - name: latest_email
                metric: MAX(email)
                max: 10
        """), nothingPromoted()).audit(request("customers_added", 1, false));

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "custom.latest_email").message())
        .isEqualTo("MAX(email) is 'a@x', not a number, so it cannot be within [, 10]; a metric must aggregate to a "
            + "number (fix the check in the table policy)");
    assertThat(check(report, "duplicate_keys").verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void givenAnAuditQueryTheWarehouseRefuses_whenAudited_thenTheReportFailsWithTheWarehousesText() {
    QualityReport report = audit(policy("""
        tables:
          - match: %s.customers_added
            checks:
              - name: amounts_counted
                metric: COUNT_IF(amount)
                min: 0
        """), nothingPromoted()).audit(request("customers_added", 1, false));

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check(report, "audit_query").message()).startsWith("the warehouse refused the audit query of ")
        .contains("count_if");
  }

  @Test
  void givenAVersionTheTableNeverReached_whenAudited_thenTheEventIsRejectedBeforeAnyScan() {
    QualityAudit audit = audit(TablePolicies.NONE, nothingPromoted());

    assertThatThrownBy(() -> audit.audit(request("orders", 99, false)))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("has no readable version 99");
    assertThatThrownBy(() -> audit.audit(request("no_such_table", 1, false)))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("does not exist");
  }

  private QualityAudit audit(TablePolicies policies, PromotionHistory history) {
    return new QualityAudit(warehouse, policies, history);
  }

  private TablePolicies policy(String yaml) {
    return PolicyFileReader.read("policy.yaml", yaml.formatted(preprod));
  }

  private AuditRequest request(String table, long version, boolean schemaChanged) {
    TableName target = TableName.parse(prod + "." + (table.startsWith("customers") ? "customers" : table));
    return new AuditRequest(TableName.parse(preprod + "." + table), target, version, false, schemaChanged);
  }

  private static PromotionHistory nothingPromoted() {
    return source -> Optional.empty();
  }

  private static PromotionHistory promoted(long rows) {
    return source -> Optional.of(new PromotedBaseline(0, rows));
  }

  private static CheckOutcome check(QualityReport report, String name) {
    return report.checks().stream().filter(check -> check.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.checks()));
  }
}
