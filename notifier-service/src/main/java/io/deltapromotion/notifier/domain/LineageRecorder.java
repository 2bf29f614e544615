package io.deltapromotion.notifier.domain;

import io.deltapromotion.infrastructure.state.RecentKeys;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells every lineage destination about each promotion run once: a run whose delivery to a destination is
 * recorded (by this instance or any other, before or after a restart) is not sent there again. Each
 * delivery is recorded in the {@link DeliveryLog} right after the destination accepted it; when the log
 * cannot take the record, the run is recorded on the next try without being sent again. A crash between
 * the two sends that one run again, under the same run id, which OpenLineage consumers such as Marquez
 * take as the same run.
 */
public final class LineageRecorder {

  private final List<LineagePublisher> publishers;
  private final DeliveryLog log;
  private final RecentKeys<String> delivered;
  private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();

  public LineageRecorder(List<LineagePublisher> publishers, DeliveryLog log, int capacity) {
    this.publishers = List.copyOf(publishers);
    this.log = log;
    this.delivered = new RecentKeys<>(capacity);
  }

  /** A delivery recorded in the delivery log (those to alert channels never match a destination). */
  public void alreadyDelivered(String key, String destinationId) {
    delivered.add(new Delivery(key, destinationId).toString());
  }

  /**
   * Sends the run to every destination that did not get it; returns to how many it was sent now.
   *
   * @throws io.deltapromotion.infrastructure.failure.OutageException when a destination did not take it (the
   *     others may have; they are not sent it again on the next try)
   * @throws RuntimeException when the delivery log could not record a delivery (try again: it is not sent twice)
   */
  public int record(PromotionRun run) {
    int sent = 0;
    for (LineagePublisher publisher : publishers) {
      String delivery = new Delivery(run.deliveryKey(), publisher.id()).toString();
      if (!delivered.contains(delivery)) {
        publisher.publish(run);
        delivered.add(delivery);
        unrecorded.add(delivery);
        sent++;
      }
      if (unrecorded.contains(delivery)) {
        log.delivered(new Alert(run.deliveryKey(), Alert.Severity.INFO, run.summary()), publisher.id());
        unrecorded.remove(delivery);
      }
    }
    return sent;
  }

  private record Delivery(String key, String destinationId) {}
}
