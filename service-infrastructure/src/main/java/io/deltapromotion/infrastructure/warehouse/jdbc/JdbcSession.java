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
  private final StatementTimer timer;

  JdbcSession(Connection connection, Duration timeout, StatementTimer timer) {
    this.connection = connection;
    this.timeout = timeout;
    this.timer = timer;
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
      done(purpose, sql, start, true);
      return result;
    } catch (SQLException e) {
      done(purpose, sql, start, false);
      throw WarehouseErrors.translate(e, purpose, sql);
    }
  }

  void execute(String purpose, String sql) {
    long start = System.nanoTime();
    try (Statement statement = statement()) {
      statement.execute(sql);
      done(purpose, sql, start, true);
    } catch (SQLException e) {
      done(purpose, sql, start, false);
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

  private void done(String purpose, String sql, long start, boolean succeeded) {
    long nanos = System.nanoTime() - start;
    timer.record(StatementKind.of(sql), nanos, succeeded);
    if (log.isDebugEnabled()) {
      log.debug("{} {} after {} ms: {}", purpose, succeeded ? "done" : "failed", nanos / 1_000_000, sql);
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
