package io.deltapromotion.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The workload's lakehouse sessions, kept open and reused by its threads. Opening one is costly for the
 * local lakehouse (its Thrift server sets up a Hive session and a metastore client for each), and the
 * suite, a session per statement, opened thousands. A session that saw an error is closed, not reused.
 */
final class Sessions implements AutoCloseable {

  /** Work on one session. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private final String jdbcUrl;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  Sessions(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /**
   * Runs the work on an idle session, or a new one. When an idle session fails (it may have died with a
   * lakehouse that was stopped since), the work runs once more on a new session.
   */
  <T> T run(Work<T> work) throws SQLException {
    Connection reused = idle.poll();
    if (reused != null) {
      try {
        return runOn(reused, work);
      } catch (SQLException e) {
        // tried again below, on a session of its own
      }
    }
    return runOn(DriverManager.getConnection(jdbcUrl), work);
  }

  private <T> T runOn(Connection connection, Work<T> work) throws SQLException {
    try {
      T result = work.on(connection);
      idle.add(connection);
      return result;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public void close() {
    for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // the session is gone either way
    }
  }
}
