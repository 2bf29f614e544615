package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.policy.TablePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits one pinned version under its table policy in two statements: one metadata-only read of the
 * version's columns (which also proves the version exists), then ONE scan computing every aggregate (row
 * count, nulls per key column, duplicate keys, every custom check). Drift compares with the row count of
 * the version the target holds, taken from the event log, so prod is not scanned. Full schemas (types,
 * nullability) of the version and of the target are read only when the detector saw the schema change.
 * A table or version that does not exist is bad input and is rejected before any query touches the
 * data. A warehouse that refuses a query of the audit answers for the version: the report FAILs with its
 * text. A warehouse that cannot be reached says nothing about it: that propagates, to be retried.
 */
public final class QualityAudit {

  /** The check that fails when the warehouse refuses the audit's scan itself. */
  static final String AUDIT_QUERY = "audit_query";

  private final Warehouse warehouse;
  private final TablePolicies policies;
  private final PromotionHistory history;

  public QualityAudit(Warehouse warehouse, TablePolicies policies, PromotionHistory history) {
    this.warehouse = warehouse;
    this.policies = policies;
    this.history = history;
  }

  public QualityReport audit(AuditRequest request) {
    TableName source = request.source();
    if (request.sourceMissing()) {
      return QualityReport.of(List.of(new CheckOutcome("table_readable", Verdict.FAIL, null, null,
          "source table " + source + " does not exist, so there is nothing to promote: restore or re-create it, "
              + "or stop watching it; " + request.target() + " is left as it is")), null);
    }
    long version = request.version();
    List<String> columns;
    try {
      columns = warehouse.columnNamesAt(source, version);
    } catch (WarehouseException.TableNotFound e) {
      throw new RejectedEventException("table " + source + " does not exist: " + e.getMessage(), e);
    } catch (WarehouseException.VersionNotFound e) {
      throw new RejectedEventException("table " + source + " has no readable version " + version + ": " + e.getMessage(), e);
    }
    return auditVersion(request, source, version, columns);
  }

  private QualityReport auditVersion(AuditRequest request, TableName source, long version, List<String> columns) {
    TablePolicy policy = policies.policyFor(source);
    String label = source + " at version " + version;
    List<CheckOutcome> checks = new ArrayList<>();
    List<Identifier> keys = presentKeys(policy.keyColumns(), columns, label, checks);
    CustomChecks custom = new CustomChecks(policy.checks(), columns, label);
    List<Aggregate> aggregates = new ArrayList<>(QualityGates.aggregates(keys));
    aggregates.addAll(custom.aggregates());
    AggregateResult result;
    try {
      result = warehouse.aggregate(source, version, aggregates);
    } catch (WarehouseException refused) {
      checks.add(new CheckOutcome(AUDIT_QUERY, Verdict.FAIL, null, null, "the warehouse refused the audit query of "
          + label + ", so no gate could be measured: " + refused.getMessage()));
      return QualityReport.of(checks, null);
    }
    long rows = QualityGates.rowCount(result);
    checks.addAll(QualityGates.evaluate(result, keys, policy.minRowCount()));
    checks.add(DriftGate.evaluate(rows, history.lastPromoted(source), policy.drift()));
    if (request.schemaChanged()) {
      checks.add(schemaCheck(request.target(), source, version, policy));
    }
    checks.addAll(custom.evaluate(result));
    return QualityReport.of(checks, rows);
  }

  /** The policy's key columns the version has; a missing one fails, no key at all warns. */
  private static List<Identifier> presentKeys(List<Identifier> keys, List<String> columns, String label,
      List<CheckOutcome> checks) {
    if (keys.isEmpty()) {
      checks.add(new CheckOutcome("key_columns", Verdict.WARN, null, null,
          "the table policy names no key columns for this table, so nulls and duplicates were not checked"));
    }
    List<Identifier> missing = keys.stream().filter(column -> !CustomChecks.has(columns, column.value())).toList();
    if (!missing.isEmpty()) {
      checks.add(new CheckOutcome("key_columns", Verdict.FAIL, null, null, "key column(s) " + missing
          + " do not exist in " + label + "; fix the key in the table policy or the table"));
    }
    return keys.stream().filter(column -> !missing.contains(column)).toList();
  }

  private CheckOutcome schemaCheck(TableName target, TableName source, long version, TablePolicy policy) {
    try {
      return schemaCheck(target, warehouse.schemaAt(source, version), policy);
    } catch (WarehouseException refused) {
      return new CheckOutcome(SchemaGate.NAME, Verdict.FAIL, null, null, "the schemas of " + source + " at version "
          + version + " and " + target + " could not be read, so the change cannot be judged: " + refused.getMessage());
    }
  }

  private CheckOutcome schemaCheck(TableName target, TableSchema candidate, TablePolicy policy) {
    if (!warehouse.tableExists(target)) {
      return new CheckOutcome(SchemaGate.NAME, Verdict.PASS, "new table", null,
          "the target " + target + " does not exist yet, so there is no schema to stay compatible with");
    }
    long held = warehouse.history(target, 1).get(0).version();
    return SchemaGate.evaluate(SchemaDiff.between(warehouse.schemaAt(target, held), candidate), policy.breakingChanges());
  }
}
