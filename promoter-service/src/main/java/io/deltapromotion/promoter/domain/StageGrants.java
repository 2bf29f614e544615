package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Unity Catalog statements that leave the ladder's stages writable by the promoter alone: it owns
 * every written stage's schemas and may create and modify tables in them, reads the first stage, and each
 * other principal named (a group such as {@code account users}) keeps reading but loses creating and
 * modifying. For Databricks; an administrator runs them, the promoter never does. Direct grants to other
 * principals are not known here: {@code SHOW GRANTS ON SCHEMA} lists them.
 */
public final class StageGrants {

  /** User names, service principals' application ids and group names (which may have spaces). */
  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,127}");

  private StageGrants() {}

  /**
   * @param promoter the principal the promoter connects to the warehouse as
   * @param others principals that must read the stages but not write them
   * @throws IllegalArgumentException when a principal is not a principal's name
   */
  public static List<String> statements(Ladder ladder, String promoter, List<String> others) {
    String owner = quote(promoter);
    List<String> readers = others.stream().map(StageGrants::quote).toList();
    List<String> statements = new ArrayList<>();
    Stage first = ladder.stage(0);
    statements.add("-- " + first.name() + ": the pipelines write it; the promoter reads it to clone from it");
    for (SchemaName schema : first.schemas()) {
      statements.add("GRANT USE SCHEMA, SELECT ON SCHEMA " + schema.quoted() + " TO " + owner + ";");
    }
    for (Stage stage : ladder.stages().subList(1, ladder.size())) {
      statements.add("-- " + stage.name() + ": written only by " + promoter);
      for (SchemaName schema : stage.schemas()) {
        statements.add("ALTER SCHEMA " + schema.quoted() + " OWNER TO " + owner + ";");
        statements.add("GRANT USE SCHEMA, SELECT, MODIFY, CREATE TABLE ON SCHEMA " + schema.quoted() + " TO " + owner + ";");
        for (String reader : readers) {
          statements.add("REVOKE MODIFY, CREATE TABLE ON SCHEMA " + schema.quoted() + " FROM " + reader + ";");
          statements.add("GRANT USE SCHEMA, SELECT ON SCHEMA " + schema.quoted() + " TO " + reader + ";");
        }
        statements.add("SHOW GRANTS ON SCHEMA " + schema.quoted() + ";  -- no one else may hold MODIFY or CREATE TABLE");
      }
    }
    return statements;
  }

  private static String quote(String principal) {
    if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
      throw new IllegalArgumentException("'" + principal + "' is not a principal's name (letters, digits, spaces and "
          + "._@+-, at most 128 characters)");
    }
    return "`" + principal + "`";
  }
}
