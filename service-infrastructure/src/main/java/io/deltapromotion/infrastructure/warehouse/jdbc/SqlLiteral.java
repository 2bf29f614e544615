package io.deltapromotion.infrastructure.warehouse.jdbc;

/**
 * String literals for Spark SQL and Databricks SQL, which read backslash escapes inside quotes
 * ('it\'s'); doubling quotes is not an escape there. Control characters are written as
 * {@code \}{@code uXXXX} escapes so a value can never end a statement early or hide a line, and so is
 * {@code $}, so that Spark's variable substitution, where a session has it on, finds no {@code ${env:...}}
 * in a value to replace with the server's secrets.
 */
final class SqlLiteral {

  private SqlLiteral() {}

  static String of(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '$' -> out.append("\\u0024");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }
}
