package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.util.Locale;

/**
 * What a warehouse statement does, read from its leading keywords: the dimension its time is measured
 * by. Never which table: that would make one time series per table.
 */
public enum StatementKind {
  CLONE, RESTORE, QUERY, HISTORY, DESCRIBE, SHOW, MERGE, DELETE, ALTER, CREATE, DROP, SESSION, OTHER;

  /** The kind of the statement; OTHER for one this list does not name. */
  public static StatementKind of(String sql) {
    String[] words = sql.stripLeading().toUpperCase(Locale.ROOT).split("\\s+", 3);
    String first = words[0];
    String second = words.length > 1 ? words[1] : "";
    return switch (first) {
      case "CREATE" -> sql.toUpperCase(Locale.ROOT).contains(" CLONE ") ? CLONE : CREATE;
      case "RESTORE" -> RESTORE;
      case "SELECT", "WITH" -> QUERY;
      case "DESCRIBE" -> "HISTORY".equals(second) ? HISTORY : DESCRIBE;
      case "SHOW" -> SHOW;
      case "MERGE", "INSERT" -> MERGE;
      case "DELETE" -> DELETE;
      case "ALTER" -> ALTER;
      case "DROP" -> DROP;
      case "SET", "RESET" -> SESSION;
      default -> OTHER;
    };
  }

  /** The tag value: lower case. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
