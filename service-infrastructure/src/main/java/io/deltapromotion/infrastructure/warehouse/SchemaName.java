package io.deltapromotion.infrastructure.warehouse;

import java.util.Locale;

/**
 * A validated {@code [catalog.]schema} name, lower case, for listing the tables of a schema. Like
 * {@link TableName}, only {@link #quoted()} goes into SQL.
 */
public record SchemaName(String catalog, String schema) {

  public SchemaName {
    if (catalog != null) {
      catalog = Identifier.requireValid(catalog, "catalog").toLowerCase(Locale.ROOT);
    }
    schema = Identifier.requireValid(schema, "schema").toLowerCase(Locale.ROOT);
  }

  /** Parses {@code [catalog.]schema}, with the same strict grammar as table names. */
  public static SchemaName parse(String raw) {
    TableName probe = TableName.parse(raw + ".t");
    return new SchemaName(probe.catalog(), probe.schema());
  }

  /** A table of this schema. */
  public TableName table(String table) {
    return new TableName(catalog, schema, table.toLowerCase(Locale.ROOT));
  }

  public String quoted() {
    return (catalog == null ? "" : Identifier.quote(catalog) + ".") + Identifier.quote(schema);
  }

  @Override
  public String toString() {
    return (catalog == null ? "" : catalog + ".") + schema;
  }
}
