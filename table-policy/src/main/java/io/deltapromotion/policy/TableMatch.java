package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;

/** What a policy entry applies to: one table ({@code schema.table}) or every table of a schema ({@code schema.*}). */
public record TableMatch(TableName table, SchemaName schema) {

  public static TableMatch parse(String text) {
    if (text.endsWith(".*")) {
      return new TableMatch(null, SchemaName.parse(text.substring(0, text.length() - 2)));
    }
    return new TableMatch(TableName.parse(text), null);
  }

  public boolean isTable() {
    return table != null;
  }

  public boolean matches(TableName candidate) {
    return isTable() ? table.equals(candidate) : schema.equals(candidate.schemaName());
  }

  @Override
  public String toString() {
    return isTable() ? table.toString() : schema + ".*";
  }
}
