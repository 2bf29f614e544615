package io.deltapromotion.notifier.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends an alert to every channel, at most once per event and channel: an event delivered again (a
 * redelivery after a failure elsewhere, a retry after one channel failed) reaches only the channels
 * that did not get it yet. Remembers the most recent {@code capacity} deliveries.
 */
public final class AlertDispatcher {

  private final List<NotificationChannel> channels;
  private final Set<String> delivered;

  public AlertDispatcher(List<NotificationChannel> channels, int capacity) {
    this.channels = List.copyOf(channels);
    this.delivered = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    }));
  }

  /** Returns how many channels were sent the alert now. */
  public int dispatch(Alert alert) {
    int sent = 0;
    NotificationFailedException failure = null;
    for (NotificationChannel channel : channels) {
      String key = alert.eventId() + "|" + channel.id();
      if (delivered.contains(key)) {
        continue;
      }
      try {
        channel.send(alert);
        delivered.add(key);
        sent++;
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
