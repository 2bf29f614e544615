package io.deltapromotion.notifier.domain;

import io.deltapromotion.infrastructure.state.RecentKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends an alert to every channel, at most once per alert key and channel: an alert raised again (its
 * event delivered again after a restart or with the consumer group's offsets deleted, a retry after one
 * channel failed) reaches only the channels that did not get it yet. Each delivery is recorded in the
 * {@link DeliveryLog} right after the channel accepted it, and the log's records are handed back at
 * start-up ({@link #alreadyDelivered}). One window remains: a crash between a channel accepting an
 * alert and its record being durable sends that one alert again after the restart (webhooks have no
 * transactions). Remembers the most recent {@code capacity} deliveries.
 */
public final class AlertDispatcher {

  private final List<NotificationChannel> channels;
  private final DeliveryLog log;
  private final RecentKeys<String> delivered;
  private final Map<String, Alert> unrecorded = new ConcurrentHashMap<>();

  public AlertDispatcher(List<NotificationChannel> channels, DeliveryLog log, int capacity) {
    this.channels = List.copyOf(channels);
    this.log = log;
    this.delivered = new RecentKeys<>(capacity);
  }

  /** A delivery recorded before this notifier started. */
  public void alreadyDelivered(String alertKey, String channelId) {
    delivered.add(deliveryKey(alertKey, channelId));
  }

  /**
   * Returns how many channels were sent the alert now.
   *
   * @throws NotificationFailedException when a channel could not be reached (the others got it)
   */
  public int dispatch(Alert alert) {
    recordPending();
    int sent = 0;
    NotificationFailedException failure = null;
    for (NotificationChannel channel : channels) {
      String key = deliveryKey(alert.key(), channel.id());
      if (delivered.contains(key)) {
        continue;
      }
      try {
        channel.send(alert);
      } catch (NotificationFailedException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
        continue;
      }
      delivered.add(key);
      sent++;
      unrecorded.put(key, alert);
      record(key, alert, channel.id());
    }
    if (failure != null) {
      throw failure;
    }
    return sent;
  }

  /** Records deliveries whose recording failed earlier (the log was unavailable). */
  public void recordPending() {
    for (Map.Entry<String, Alert> pending : new ArrayList<>(unrecorded.entrySet())) {
      record(pending.getKey(), pending.getValue(), pending.getKey().substring(pending.getKey().indexOf('|') + 1));
    }
  }

  private void record(String key, Alert alert, String channelId) {
    log.delivered(alert, channelId);
    unrecorded.remove(key);
  }

  private static String deliveryKey(String alertKey, String channelId) {
    return alertKey + "|" + channelId;
  }
}
