package io.deltapromotion.infrastructure.warehouse;

import java.util.Map;

/**
 * Appends rows to one record table: the table (and its schema) is created before the first row if it
 * does not exist, and again if it is dropped while the service runs; a row whose key is there already
 * is not written twice.
 */
public final class RecordTableWriter {

  private final Warehouse warehouse;
  private final RecordTable table;
  private volatile boolean tableReady;

  public RecordTableWriter(Warehouse warehouse, RecordTable table) {
    this.warehouse = warehouse;
    this.table = table;
  }

  /**
   * Writes the row unless the table has one with its key.
   *
   * @return whether it was written
   * @throws WarehouseException when the warehouse fails; the table is created again on the next call if it was dropped
   */
  public boolean append(Map<String, Object> row) {
    if (!tableReady) {
      warehouse.ensureRecordTable(table);
      tableReady = true;
    }
    try {
      return warehouse.appendOnce(table, row);
    } catch (WarehouseException.TableNotFound dropped) {
      tableReady = false;
      throw dropped;
    }
  }

  public TableName table() {
    return table.name();
  }
}
