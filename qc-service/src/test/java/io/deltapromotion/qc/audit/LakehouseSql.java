package io.deltapromotion.qc.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Test fixture: runs the raw SQL that builds the tables the audit tests and the benchmark read. */
final class LakehouseSql {

  private LakehouseSql() {}

  static void execute(DataSource lakehouse, String... statements) {
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
