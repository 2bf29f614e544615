package io.deltapromotion.infrastructure.warehouse;

/** A policy's SQL expression does not follow the expression grammar; no SQL ran. */
public class InvalidSqlExpressionException extends IllegalArgumentException {
  public InvalidSqlExpressionException(String message) {
    super(message);
  }
}
