package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Statements on one connection, with timing, a timeout, and errors translated. */
final class JdbcSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdbcSession.class);

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Duration timeout;

  JdbcSession(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /** Runs a query and maps every row. */
  <T> List<T> query(String purpose, String sql, RowMapper<T> mapper) {
    return resultSet(purpose, sql, rows -> {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    });
  }

  /** Runs a query and hands its whole result set to the reader (e.g. to read only a LIMIT 0 probe's metadata). */
  <T> T resultSet(String purpose, String sql, RowMapper<T> reader) {
    long start = System.nanoTime();
    try (Statement statement = statement(); ResultSet rows = statement.executeQuery(sql)) {
      T result = reader.map(rows);
      log(purpose, sql, start);
      return result;
    } catch (SQLException e) {
      throw WarehouseErrors.translate(e, purpose, sql);
    }
  }

  void execute(String purpose, String sql) {
    long start = System.nanoTime();
    try (Statement statement = statement()) {
      statement.execute(sql);
      log(purpose, sql, start);
    } catch (SQLException e) {
      throw WarehouseErrors.translate(e, purpose, sql);
    }
  }

  private Statement statement() throws SQLException {
    Statement statement = connection.createStatement();
    if (!timeout.isZero()) {
      try {
        statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      } catch (SQLFeatureNotSupportedException e) {
        log.debug("the JDBC driver does not support statement timeouts");
      }
    }
    return statement;
  }

  private static void log(String purpose, String sql, long start) {
    if (log.isDebugEnabled()) {
      log.debug("{} took {} ms: {}", purpose, (System.nanoTime() - start) / 1_000_000, sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("closing a warehouse connection failed: {}", e.getMessage());
    }
  }
}
