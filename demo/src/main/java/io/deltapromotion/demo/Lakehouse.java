package io.deltapromotion.demo;

import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("lakehouse query failed: " + e.getMessage(), e);
    }
  }

  /** The newest version of a table (its name is the demo's own, trusted). */
  public long latestVersion(String table) {
    return Long.parseLong(column("DESCRIBE HISTORY " + table + " LIMIT 1").get(0));
  }

  public boolean tableExists(String schema, String table) {
    return column("SHOW TABLES IN " + schema + " LIKE '" + table + "'").size() > 0;
  }
}
