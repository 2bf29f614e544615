package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.util.List;

/**
 * Audits one pinned version: one history read to make sure the version exists, one metadata read for
 * its schema, one scan for every aggregate gate. A table or version that does not exist is bad input
 * and is rejected before any query touches the data; a warehouse failure propagates (to be retried).
 */
public final class QualityAudit {

  private final Warehouse warehouse;

  public QualityAudit(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public QualityReport audit(AuditRequest request) {
    TableName source = request.source();
    if (request.sourceMissing()) {
      return QualityReport.of(List.of(new CheckOutcome("table_readable", Verdict.FAIL, null, null,
          "source table " + source + " does not exist, so there is nothing to promote")), null);
    }
    long version = request.version();
    requireVersionExists(source, version);
    try {
      return auditVersion(request, source, version);
    } catch (WarehouseException.VersionNotFound e) {
      throw new RejectedEventException("version " + version + " of " + source + " can no longer be read: " + e.getMessage(), e);
    }
  }

  private QualityReport auditVersion(AuditRequest request, TableName source, long version) {
    TableSchema schema = warehouse.schemaAt(source, version);
    List<Identifier> missing = request.keyColumns().stream()
        .filter(column -> schema.column(column.value()).isEmpty())
        .toList();
    if (!missing.isEmpty()) {
      return QualityReport.of(List.of(new CheckOutcome("key_columns", Verdict.FAIL, null, null,
          "key column(s) " + missing + " do not exist in " + source + " at version " + version
              + "; fix the key configuration or the table")), null);
    }
    List<CheckOutcome> checks = QualityGates.evaluate(
        warehouse.aggregate(source, version, QualityGates.aggregates(request.keyColumns())), request.keyColumns());
    return QualityReport.of(checks, Long.valueOf(checks.get(0).observedValue()));
  }

  private void requireVersionExists(TableName source, long version) {
    long latest;
    try {
      latest = warehouse.history(source, 1).get(0).version();
    } catch (WarehouseException.TableNotFound e) {
      throw new RejectedEventException("table " + source + " does not exist: " + e.getMessage(), e);
    }
    if (version > latest) {
      throw new RejectedEventException("table " + source + " has no version " + version + " (its latest is " + latest + ")");
    }
  }
}
