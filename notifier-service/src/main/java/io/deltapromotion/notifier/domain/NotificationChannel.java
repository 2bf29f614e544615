package io.deltapromotion.notifier.domain;

/** Somewhere alerts go (a Slack-compatible webhook, ...). */
public interface NotificationChannel {

  /** Stable name of this channel, used to remember what it was already sent. */
  String id();

  /**
   * Delivers the alert, retrying what may pass.
   *
   * @throws NotificationFailedException when it could not be delivered
   */
  void send(Alert alert);
}
