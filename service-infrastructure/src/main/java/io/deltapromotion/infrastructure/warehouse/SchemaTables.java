package io.deltapromotion.infrastructure.warehouse;

import java.util.List;

/**
 * The tables of a schema: those whose names the strict grammar accepts, and, apart, the names it
 * refuses. A schema may hold a table created with a quoted name ({@code `2024_x`}); that is no reason to
 * stop working with the others.
 *
 * @param tables the tables with valid names, sorted by name
 * @param refused the names the grammar refuses, with why
 */
public record SchemaTables(List<TableName> tables, List<RefusedName> refused) {

  /** A table name in the warehouse that is outside the grammar, and why. */
  public record RefusedName(SchemaName schema, String name, String reason) {}

  public SchemaTables {
    tables = List.copyOf(tables);
    refused = List.copyOf(refused);
  }

  public static SchemaTables none() {
    return new SchemaTables(List.of(), List.of());
  }
}
