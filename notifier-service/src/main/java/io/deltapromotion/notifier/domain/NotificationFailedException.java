package io.deltapromotion.notifier.domain;

import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.OutageException;

/**
 * An alert could not be delivered to a channel: an outage of that channel, waited out like any other
 * (the alert is kept and sent once the channel takes it), never a reason to drop the alert.
 */
public class NotificationFailedException extends OutageException {

  public NotificationFailedException(String message, Throwable cause) {
    super(Dependency.NOTIFICATION_CHANNEL, message, cause);
  }
}
