package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse as the promoter's decisions see it: every write to a stage table (clone, restore, drop,
 * comment) first confirms that the decision's claim on its table still holds ({@link DecisionClaims}), so
 * an instance that lost the table (a zombie resumed after its session expired, an instance whose
 * partitions moved while it decided) writes nothing. Reads and the audit table's rows pass straight through.
 */
public final class OwnerOnlyWarehouse implements Warehouse {

  private final Warehouse warehouse;
  private final DecisionClaims claims;

  public OwnerOnlyWarehouse(Warehouse warehouse, DecisionClaims claims) {
    this.warehouse = warehouse;
    this.claims = claims;
  }

  @Override
  public CloneResult clone(CloneRequest request) {
    claims.confirm();
    return warehouse.clone(request);
  }

  @Override
  public void setTableComment(TableName table, String comment) {
    claims.confirm();
    warehouse.setTableComment(table, comment);
  }

  @Override
  public void setColumnComment(TableName table, Identifier column, String comment) {
    claims.confirm();
    warehouse.setColumnComment(table, column, comment);
  }

  @Override
  public long restore(TableName table, long version, CommitNote note) {
    claims.confirm();
    return warehouse.restore(table, version, note);
  }

  @Override
  public void dropTable(TableName table) {
    claims.confirm();
    warehouse.dropTable(table);
  }

  @Override
  public boolean tableExists(TableName table) {
    return warehouse.tableExists(table);
  }

  @Override
  public SchemaTables tablesIn(SchemaName schema) {
    return warehouse.tablesIn(schema);
  }

  @Override
  public List<HistoryEntry> history(TableName table, int limit) {
    return warehouse.history(table, limit);
  }

  @Override
  public List<String> columnNamesAt(TableName table, long version) {
    return warehouse.columnNamesAt(table, version);
  }

  @Override
  public TableSchema schemaAt(TableName table, long version) {
    return warehouse.schemaAt(table, version);
  }

  @Override
  public Optional<String> tableCommentAt(TableName table, long version) {
    return warehouse.tableCommentAt(table, version);
  }

  @Override
  public long readEveryFile(TableName table, Long version) {
    return warehouse.readEveryFile(table, version);
  }

  @Override
  public AggregateResult aggregate(TableName table, long version, List<Aggregate> aggregates) {
    return warehouse.aggregate(table, version, aggregates);
  }

  @Override
  public Map<String, String> properties(TableName table) {
    return warehouse.properties(table);
  }

  @Override
  public void ensureRecordTable(RecordTable table) {
    warehouse.ensureRecordTable(table);
  }

  @Override
  public boolean appendOnce(RecordTable table, Map<String, Object> row) {
    return warehouse.appendOnce(table, row);
  }
}
