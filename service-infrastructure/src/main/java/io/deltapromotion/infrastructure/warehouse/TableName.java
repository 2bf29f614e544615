package io.deltapromotion.infrastructure.warehouse;

import java.util.Locale;

/**
 * A validated, fully qualified table name: {@code schema.table} or {@code catalog.schema.table}. Names
 * arrive in events and HTTP requests, so they are untrusted: {@link #parse} accepts only identifiers of
 * letters, digits and underscores (not starting with a digit), at most 255 characters each, and
 * canonicalises them to lower case, as Spark and Databricks treat identifiers case-insensitively.
 * {@link #quoted()} is the only form that goes into SQL.
 */
public record TableName(String catalog, String schema, String table) {

  static final int MAX_INPUT_LENGTH = 800;

  public TableName {
    if (catalog != null) {
      Identifier.requireValid(catalog, "catalog");
    }
    Identifier.requireValid(schema, "schema");
    Identifier.requireValid(table, "table");
  }

  /**
   * Parses {@code [catalog.]schema.table}.
   *
   * @throws InvalidIdentifierException with a message saying what is wrong, never echoing more than a
   *     short, escaped excerpt of the input
   */
  public static TableName parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidIdentifierException("a table name is required: expected [catalog.]schema.table");
    }
    if (raw.length() > MAX_INPUT_LENGTH) {
      throw new InvalidIdentifierException("table name " + Identifier.excerpt(raw) + " is " + raw.length()
          + " characters long; at most " + MAX_INPUT_LENGTH + " are accepted");
    }
    String[] parts = raw.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new InvalidIdentifierException("table name " + Identifier.excerpt(raw) + " has " + parts.length
          + " part(s): expected [catalog.]schema.table");
    }
    for (String part : parts) {
      Identifier.check(part, raw);
    }
    return parts.length == 3
        ? new TableName(lower(parts[0]), lower(parts[1]), lower(parts[2]))
        : new TableName(null, lower(parts[0]), lower(parts[1]));
  }

  public boolean hasCatalog() {
    return catalog != null;
  }

  /** The schema the table is in, with its catalog. */
  public SchemaName schemaName() {
    return new SchemaName(catalog, schema);
  }

  /** The same table name in another schema (and the same catalog), e.g. pre-prod to prod. */
  public TableName inSchema(String otherSchema) {
    return new TableName(catalog, Identifier.requireValid(otherSchema, "schema").toLowerCase(Locale.ROOT), table);
  }

  /** The schema part, qualified by the catalog when there is one, quoted for SQL. */
  public String quotedSchema() {
    return (catalog == null ? "" : Identifier.quote(catalog) + ".") + Identifier.quote(schema);
  }

  /** The name as it goes into SQL: every part backtick-quoted. */
  public String quoted() {
    return quotedSchema() + "." + Identifier.quote(table);
  }

  /** Canonical form: lower case, dot-separated; the key of this table's events. */
  @Override
  public String toString() {
    return (catalog == null ? "" : catalog + ".") + schema + "." + table;
  }

  private static String lower(String part) {
    return part.toLowerCase(Locale.ROOT);
  }
}
