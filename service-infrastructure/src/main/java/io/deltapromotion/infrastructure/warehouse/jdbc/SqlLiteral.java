package io.deltapromotion.infrastructure.warehouse.jdbc;

/**
 * String literals for Spark SQL and Databricks SQL, which read backslash escapes inside quotes
 * ('it\'s'); doubling quotes is not an escape there. Control characters are written as
 * {@code \}{@code uXXXX} escapes so a value can never end a statement early or hide a line.
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
