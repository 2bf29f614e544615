package io.deltapromotion.notifier.domain;

import java.util.List;

/**
 * Sends an alert to every channel, at most once per alert key and channel ({@link Deliveries}): an alert
 * raised again (its event delivered again after a restart or with the consumer group's offsets deleted, a
 * retry after one channel failed) reaches only the channels that did not get it yet.
 */
public final class AlertDispatcher {

  private final List<NotificationChannel> channels;
  private final Deliveries deliveries;

  public AlertDispatcher(List<NotificationChannel> channels, Deliveries deliveries) {
    this.channels = List.copyOf(channels);
    this.deliveries = deliveries;
  }

  /**
   * Returns how many channels were sent the alert now.
   *
   * @throws NotificationFailedException when a channel could not be reached (the others got it)
   * @throws RuntimeException when the delivery log could not record a delivery (try again: it is not sent twice)
   */
  public int dispatch(Alert alert) {
    int sent = 0;
    NotificationFailedException failure = null;
    for (NotificationChannel channel : channels) {
      try {
        if (deliveries.deliverOnce(alert, channel.id(), () -> channel.send(alert))) {
          sent++;
        }
      } catch (NotificationFailedException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return sent;
  }
}
