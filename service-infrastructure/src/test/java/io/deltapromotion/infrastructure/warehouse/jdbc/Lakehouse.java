package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.stack.LocalStackExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test fixture: raw SQL against the local lakehouse, to build the tables the tests read. */
final class Lakehouse {

  final JdbcUrlDataSource dataSource =
      new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);

  /** A fresh schema name, so test runs never see each other's tables. */
  static String freshSchema(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  void execute(String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  List<List<String>> rows(String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.add(rows.getString(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  long count(String table) {
    return Long.parseLong(rows("SELECT COUNT(*) FROM " + table).get(0).get(0));
  }
}
