package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Test fixture: raw SQL that builds the tables tests and benchmarks read, and reads results back. */
public final class LakehouseSql {

  private LakehouseSql() {}

  public static void execute(DataSource lakehouse, String... statements) {
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Every row of the query's result, each value as a string. */
  public static List<List<String>> rows(DataSource lakehouse, String sql) {
    return query(lakehouse, sql, rows -> {
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.add(rows.getString(i));
        }
        result.add(row);
      }
      return result;
    });
  }

  /** The table's column names, in order. */
  public static List<String> columnNames(DataSource lakehouse, String table) {
    return query(lakehouse, "SELECT * FROM " + table + " LIMIT 0", rows -> {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        names.add(rows.getMetaData().getColumnName(i));
      }
      return names;
    });
  }

  /** How many rows the table has. */
  public static long count(DataSource lakehouse, String table) {
    return Long.parseLong(rows(lakehouse, "SELECT COUNT(*) FROM " + table).get(0).get(0));
  }

  private interface ResultReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private static <T> T query(DataSource lakehouse, String sql, ResultReader<T> reader) {
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return reader.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
