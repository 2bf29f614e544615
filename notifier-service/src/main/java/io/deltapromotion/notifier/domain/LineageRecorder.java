package io.deltapromotion.notifier.domain;

import java.util.List;

/**
 * Tells every lineage destination about each promotion run once ({@link Deliveries}): a run whose delivery
 * to a destination is recorded, by this instance or any other, before or after a restart, is not sent there
 * again. A crash between a destination accepting a run and its record sends that one run again, under the
 * same run id, which OpenLineage consumers such as Marquez take as the same run.
 */
public final class LineageRecorder {

  private final List<LineagePublisher> publishers;
  private final Deliveries deliveries;

  public LineageRecorder(List<LineagePublisher> publishers, Deliveries deliveries) {
    this.publishers = List.copyOf(publishers);
    this.deliveries = deliveries;
  }

  /**
   * Sends the run to every destination that did not get it; returns to how many it was sent now.
   *
   * @throws io.deltapromotion.infrastructure.failure.OutageException when a destination did not take it (those
   *     before it did; they are not sent it again on the next try)
   * @throws RuntimeException when the delivery log could not record a delivery (try again: it is not sent twice)
   */
  public int record(PromotionRun run) {
    Alert record = new Alert(run.deliveryKey(), Alert.Severity.INFO, run.summary());
    int sent = 0;
    for (LineagePublisher publisher : publishers) {
      if (deliveries.deliverOnce(record, publisher.id(), () -> publisher.publish(run))) {
        sent++;
      }
    }
    return sent;
  }
}
