package io.deltapromotion.infrastructure.warehouse.jdbc;

/** Told how long each warehouse statement took, by kind, and whether it succeeded. */
@FunctionalInterface
public interface StatementTimer {

  /** Measures nothing. */
  StatementTimer NONE = (kind, nanos, succeeded) -> { };

  void record(StatementKind kind, long nanos, boolean succeeded);
}
