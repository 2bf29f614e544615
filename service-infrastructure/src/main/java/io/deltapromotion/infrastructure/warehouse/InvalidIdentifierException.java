package io.deltapromotion.infrastructure.warehouse;

/** A table or column name does not follow the identifier grammar; no SQL ran. */
public class InvalidIdentifierException extends IllegalArgumentException {
  public InvalidIdentifierException(String message) {
    super(message);
  }
}
