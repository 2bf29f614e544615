package io.deltapromotion.notifier.domain;

/** Where deliveries are recorded durably, so that a restarted notifier sends nothing twice. */
public interface DeliveryLog {

  /**
   * Records that the alert reached the channel; returns once that is durable.
   *
   * @throws RuntimeException when it could not be recorded (the alert is then not sent again, and
   *     recording it is tried again)
   */
  void delivered(Alert alert, String channelId);
}
