package io.deltapromotion.promoter.domain;

/** An authenticated operator asked for something their grants do not cover (HTTP 403). */
public final class OperatorNotAllowedException extends RuntimeException {

  public OperatorNotAllowedException(String message) {
    super(message);
  }
}
