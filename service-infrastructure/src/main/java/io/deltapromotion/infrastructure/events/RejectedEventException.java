package io.deltapromotion.infrastructure.events;

/**
 * An event that can never be processed as it is: it names a table that does not exist, a version the
 * table never had, or breaks a rule the schema cannot express. Retrying cannot help, so it goes straight
 * to the service's dead-letter topic with this exception's message as the reason.
 */
public class RejectedEventException extends RuntimeException {

  public RejectedEventException(String reason) {
    super(reason);
  }

  public RejectedEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
