package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * One entry of the watch list: a single table, or every table of a schema ({@code schema.*}), mapped to
 * a target table or schema. Built from configuration, so every name is already validated.
 *
 * @param polled whether the poll reads these tables; when not, only their pipelines' commit events
 *     announce their versions
 */
public record WatchedTables(TableName sourceTable, SchemaName sourceSchema, TableName targetTable, SchemaName targetSchema,
    boolean polled) {

  public WatchedTables {
    if ((sourceTable == null) == (sourceSchema == null) || (targetTable == null) == (targetSchema == null)) {
      throw new IllegalArgumentException("a watch entry is either one table or one schema, on both sides");
    }
    if ((sourceTable == null) != (targetTable == null)) {
      throw new IllegalArgumentException("a table maps to a table and a schema pattern to a schema pattern");
    }
  }

  public static WatchedTables table(TableName source, TableName target) {
    return new WatchedTables(source, null, target, null, true);
  }

  public static WatchedTables schema(SchemaName source, SchemaName target) {
    return new WatchedTables(null, source, null, target, true);
  }

  /** The same entry, announced by pipeline events only. */
  public WatchedTables pipelineOnly() {
    return new WatchedTables(sourceTable, sourceSchema, targetTable, targetSchema, false);
  }

  /**
   * What this entry stands for now.
   *
   * @param mappings the one table, or the tables its source schema has
   * @param refused the tables of its source schema whose names are outside the grammar, which are skipped
   */
  public record Resolved(List<TableMapping> mappings, List<SchemaTables.RefusedName> refused) {}

  public Resolved resolve(Warehouse warehouse) {
    if (sourceTable != null) {
      return new Resolved(List.of(new TableMapping(sourceTable, targetTable)), List.of());
    }
    SchemaTables tables = warehouse.tablesIn(sourceSchema);
    return new Resolved(tables.tables().stream()
        .map(source -> new TableMapping(source, targetSchema.table(source.table())))
        .toList(), tables.refused());
  }

  /** The mapping of a source table this entry covers (whether or not the table exists). */
  public Optional<TableMapping> mappingFor(TableName source) {
    if (sourceTable != null) {
      return sourceTable.equals(source) ? Optional.of(new TableMapping(sourceTable, targetTable)) : Optional.empty();
    }
    return source.schemaName().equals(sourceSchema) ? Optional.of(new TableMapping(source, targetSchema.table(source.table()))) : Optional.empty();
  }

  @Override
  public String toString() {
    return Objects.toString(sourceTable, sourceSchema + ".*") + " -> " + Objects.toString(targetTable, targetSchema + ".*");
  }
}
