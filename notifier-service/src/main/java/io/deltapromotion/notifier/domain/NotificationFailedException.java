package io.deltapromotion.notifier.domain;

/** An alert could not be delivered to a channel. */
public class NotificationFailedException extends RuntimeException {

  public NotificationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
