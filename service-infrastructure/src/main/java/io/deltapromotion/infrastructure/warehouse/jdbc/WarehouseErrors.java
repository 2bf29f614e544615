package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Turns driver exceptions into what they mean: a {@link WarehouseUnavailableException} when the warehouse
 * could not be reached or the connection broke (SQLSTATE class 08, the driver's connection and timeout
 * exceptions, a socket or Thrift transport failure underneath), else a {@link WarehouseException} that
 * says what the warehouse answered.
 */
final class WarehouseErrors {

  private static final List<String> TABLE_NOT_FOUND = List.of(
      "TABLE_OR_VIEW_NOT_FOUND", "SCHEMA_NOT_FOUND", "DELTA_TABLE_NOT_FOUND", "DELTA_MISSING_DELTA_TABLE",
      "Table or view not found", "is not a Delta table");
  /** Among those: a table that exists, but is not a Delta table. */
  private static final List<String> NOT_A_DELTA_TABLE = List.of("DELTA_MISSING_DELTA_TABLE", "is not a Delta table");
  private static final List<String> VERSION_NOT_FOUND = List.of(
      "VersionNotFoundException", "DELTA_VERSION_NOT_FOUND", "Cannot time travel Delta table to version",
      "DELTA_FILE_NOT_FOUND_DETAILED", "DELTA_CANNOT_TIME_TRAVEL");
  private static final List<String> PREFIXES = List.of(
      "org.apache.hive.service.cli.HiveSQLException: ", "Error running query: ",
      "org.apache.spark.sql.AnalysisException: ", "org.apache.spark.sql.delta.VersionNotFoundException: ");

  /** SQLSTATE class 08: connection exception. */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private WarehouseErrors() {}

  static RuntimeException translate(SQLException e, String purpose, String sql) {
    String text = summary(e);
    String message = purpose + " failed: " + text + " [statement: " + abbreviate(sql) + "]";
    if (isOutage(e)) {
      return new WarehouseUnavailableException(message, e);
    }
    if (containsAny(text, VERSION_NOT_FOUND)) {
      return new WarehouseException.VersionNotFound(message, e.getSQLState(), e);
    }
    if ("42P01".equals(e.getSQLState()) || containsAny(text, TABLE_NOT_FOUND)) {
      return new WarehouseException.TableNotFound(message, e.getSQLState(), e);
    }
    return new WarehouseException(message, e.getSQLState(), e);
  }

  /** The table was not found as a Delta table because it is another kind of table (it does exist). */
  static boolean isNotADeltaTable(WarehouseException.TableNotFound e) {
    return e.getMessage() != null && containsAny(e.getMessage(), NOT_A_DELTA_TABLE);
  }

  /**
   * The warehouse did not answer: the connection could not be had or broke, or the statement ran out of
   * time. Such a statement may or may not have run.
   */
  static boolean isOutage(SQLException e) {
    if (e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
          || cause instanceof IOException || cause.getClass().getSimpleName().equals("TTransportException")) {
        return true;
      }
    }
    return false;
  }

  /** The warehouse's error text without the driver's wrapping and server stack traces. */
  static String summary(SQLException e) {
    String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String text = raw.lines().map(String::strip).filter(line -> !line.startsWith("at ") && !line.isEmpty())
        .limit(3).reduce((a, b) -> a + " " + b).orElse(raw);
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : PREFIXES) {
        if (text.startsWith(prefix)) {
          text = text.substring(prefix.length());
          stripped = true;
        }
      }
    }
    return abbreviate(text);
  }

  private static boolean containsAny(String text, List<String> markers) {
    return markers.stream().anyMatch(text::contains);
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
