package io.deltapromotion.infrastructure.warehouse;

import java.util.List;
import java.util.Map;

/**
 * Base of the in-memory warehouses the services' domain tests use: every operation refuses, so a
 * test's warehouse overrides exactly what its subject may call, and a call it did not expect fails.
 */
public abstract class UnsupportedWarehouse implements Warehouse {

  @Override
  public boolean tableExists(TableName table) {
    throw new UnsupportedOperationException("tableExists");
  }

  @Override
  public SchemaTables tablesIn(SchemaName schema) {
    throw new UnsupportedOperationException("tablesIn");
  }

  @Override
  public List<HistoryEntry> history(TableName table, int limit) {
    throw new UnsupportedOperationException("history");
  }

  @Override
  public List<String> columnNamesAt(TableName table, long version) {
    throw new UnsupportedOperationException("columnNamesAt");
  }

  @Override
  public TableSchema schemaAt(TableName table, long version) {
    throw new UnsupportedOperationException("schemaAt");
  }

  @Override
  public AggregateResult aggregate(TableName table, long version, List<Aggregate> aggregates) {
    throw new UnsupportedOperationException("aggregate");
  }

  @Override
  public CloneResult clone(CloneRequest request) {
    throw new UnsupportedOperationException("clone");
  }

  @Override
  public void setTableComment(TableName table, String comment) {
    throw new UnsupportedOperationException("setTableComment");
  }

  @Override
  public void setColumnComment(TableName table, Identifier column, String comment) {
    throw new UnsupportedOperationException("setColumnComment");
  }

  @Override
  public Map<String, String> properties(TableName table) {
    throw new UnsupportedOperationException("properties");
  }

  @Override
  public long restore(TableName table, long version, CommitNote note) {
    throw new UnsupportedOperationException("restore");
  }

  @Override
  public java.util.Optional<String> tableCommentAt(TableName table, long version) {
    throw new UnsupportedOperationException("tableCommentAt");
  }

  @Override
  public long readEveryFile(TableName table, Long version) {
    throw new UnsupportedOperationException("readEveryFile");
  }

  @Override
  public void dropTable(TableName table) {
    throw new UnsupportedOperationException("dropTable");
  }

  @Override
  public void ensureRecordTable(RecordTable table) {
    throw new UnsupportedOperationException("ensureRecordTable");
  }

  @Override
  public boolean appendOnce(RecordTable table, Map<String, Object> row) {
    throw new UnsupportedOperationException("appendOnce");
  }
}
