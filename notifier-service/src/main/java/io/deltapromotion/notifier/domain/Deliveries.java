package io.deltapromotion.notifier.domain;

import io.deltapromotion.infrastructure.state.RecentKeys;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was delivered where, so that nothing reaches a destination twice: an alert to a channel, a
 * promotion run to a lineage endpoint or topic. A delivery is recorded in the {@link DeliveryLog} right
 * after its destination accepted it, and the log's records, from every instance and every earlier life,
 * are handed back through {@link #alreadyDelivered}; so a redelivered event, a restart, or an instance
 * taking over another's partitions sends nothing that was sent. When the log cannot take a record, the
 * delivery still counts as made and its record is retried before the next delivery. One window remains: a
 * crash between a destination accepting and its record being durable sends that one thing again after the
 * restart (webhooks and lineage endpoints have no transactions). Remembers the most recent
 * {@code capacity} deliveries.
 */
public final class Deliveries {

  private final DeliveryLog log;
  private final RecentKeys<Delivery> made;
  private final Map<Delivery, Alert> unrecorded = new ConcurrentHashMap<>();

  public Deliveries(DeliveryLog log, int capacity) {
    this.log = log;
    this.made = new RecentKeys<>(capacity);
  }

  /** A delivery recorded in the log, by this instance or another. */
  public void alreadyDelivered(String key, String destinationId) {
    made.add(new Delivery(key, destinationId));
  }

  /**
   * Sends what the record is about to the destination unless it got it already, then records that it did.
   * Returns whether it was sent now.
   *
   * @param record the delivery as the log keeps it; its key says what was delivered
   * @param send delivers it; when it throws, nothing counts as delivered
   * @throws RuntimeException what {@code send} threw, or the log's failure to record (the delivery counts as
   *     made then, and is recorded on the next call)
   */
  public boolean deliverOnce(Alert record, String destinationId, Runnable send) {
    recordPending();
    Delivery delivery = new Delivery(record.key(), destinationId);
    if (made.contains(delivery)) {
      return false;
    }
    send.run();
    made.add(delivery);
    unrecorded.put(delivery, record);
    recordPending();
    return true;
  }

  /** Records the deliveries whose records the log could not take before. */
  private void recordPending() {
    for (Map.Entry<Delivery, Alert> pending : Map.copyOf(unrecorded).entrySet()) {
      log.delivered(pending.getValue(), pending.getKey().destinationId());
      unrecorded.remove(pending.getKey());
    }
  }

  private record Delivery(String key, String destinationId) {}
}
