package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the watch list: a single table, or every table of a schema ({@code schema.*}), mapped to
 * a target table or schema. Built from configuration, so every name is already validated.
 *
 * @param keyColumns key columns per source table name (the last part of the name)
 */
public record WatchedTables(
    TableName sourceTable, SchemaName sourceSchema, TableName targetTable, SchemaName targetSchema,
    Map<String, List<Identifier>> keyColumns, String releaseTag) {

  public WatchedTables {
    if ((sourceTable == null) == (sourceSchema == null) || (targetTable == null) == (targetSchema == null)) {
      throw new IllegalArgumentException("a watch entry is either one table or one schema, on both sides");
    }
    if ((sourceTable == null) != (targetTable == null)) {
      throw new IllegalArgumentException("a table maps to a table and a schema pattern to a schema pattern");
    }
    keyColumns = Map.copyOf(keyColumns);
  }

  public static WatchedTables table(TableName source, TableName target, Map<String, List<Identifier>> keys, String releaseTag) {
    return new WatchedTables(source, null, target, null, keys, releaseTag);
  }

  public static WatchedTables schema(SchemaName source, SchemaName target, Map<String, List<Identifier>> keys, String releaseTag) {
    return new WatchedTables(null, source, null, target, keys, releaseTag);
  }

  /** The mappings this entry stands for now: the one table, or the tables its source schema has. */
  public List<TableMapping> resolve(Warehouse warehouse) {
    if (sourceTable != null) {
      return List.of(mapping(sourceTable, targetTable));
    }
    return warehouse.tablesIn(sourceSchema).stream()
        .map(source -> mapping(source, targetSchema.table(source.table())))
        .toList();
  }

  private TableMapping mapping(TableName source, TableName target) {
    return new TableMapping(source, target, keyColumns.getOrDefault(source.table(), List.of()), releaseTag);
  }

  @Override
  public String toString() {
    return Objects.toString(sourceTable, sourceSchema + ".*") + " -> " + Objects.toString(targetTable, targetSchema + ".*");
  }
}
