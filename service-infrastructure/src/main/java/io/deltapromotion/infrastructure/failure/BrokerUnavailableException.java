package io.deltapromotion.infrastructure.failure;

/** Events could not be written to, or read from, the Kafka broker in time. */
public class BrokerUnavailableException extends OutageException {

  public BrokerUnavailableException(String message, Throwable cause) {
    super(Dependency.BROKER, message, cause);
  }
}
