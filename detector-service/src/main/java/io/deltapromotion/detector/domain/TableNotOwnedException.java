package io.deltapromotion.detector.domain;

/**
 * The table stopped being this instance's while it was being detected (its partition moved to another
 * instance): nothing was announced, and its new owner detects it. Neither bad input nor an outage.
 */
public class TableNotOwnedException extends RuntimeException {

  public TableNotOwnedException(String message, Throwable cause) {
    super(message, cause);
  }
}
