package io.deltapromotion.demo;

import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain SQL against the lakehouse, as an upstream pipeline would write pre-prod tables. Only the demo
 * and the tests use it, with their own fixed statements.
 */
public final class Lakehouse {

  private final JdbcUrlDataSource dataSource;

  public Lakehouse(String jdbcUrl) {
    this.dataSource = new JdbcUrlDataSource(jdbcUrl, null, null);
  }

  public void execute(String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("lakehouse statement failed: " + e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  public List<String> column(String sql) {
    return query(sql, rows -> rows.getString(1));
  }

  /** One column (by label) of every row. */
  public List<String> column(String sql, String label) {
    return query(sql, rows -> rows.getString(label));
  }

  /** Every row, each as its columns' labels to their values, in the order the query returns them. */
  public List<Map<String, String>> rows(String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<Map<String, String>> result = new ArrayList<>();
      while (rows.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
          row.put(rows.getMetaData().getColumnLabel(column), rows.getString(column));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("lakehouse query failed: " + e.getMessage(), e);
    }
  }

  private interface Cell {
    String read(ResultSet row) throws SQLException;
  }

  private List<String> query(String sql, Cell cell) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(cell.read(rows));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("lakehouse query failed: " + e.getMessage(), e);
    }
  }

  /** A table's properties. */
  public Map<String, String> properties(String table) {
    List<String> keys = column("SHOW TBLPROPERTIES " + table, "key");
    List<String> values = column("SHOW TBLPROPERTIES " + table, "value");
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      properties.put(keys.get(i), values.get(i));
    }
    return properties;
  }

  /** The newest version of a table (its name is the demo's own, trusted). */
  public long latestVersion(String table) {
    return Long.parseLong(column("DESCRIBE HISTORY " + table + " LIMIT 1").get(0));
  }

  public boolean tableExists(String schema, String table) {
    return column("SHOW TABLES IN " + schema + " LIKE '" + table + "'").size() > 0;
  }
}
