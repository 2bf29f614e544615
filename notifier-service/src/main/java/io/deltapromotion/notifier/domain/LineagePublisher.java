package io.deltapromotion.notifier.domain;

/** Where promotion runs are told as lineage (an OpenLineage endpoint). */
public interface LineagePublisher {

  /** Stable name of the destination, without secrets, used to remember what it was already sent. */
  String id();

  /**
   * Sends the run; returns once the destination accepted it.
   *
   * @throws io.deltapromotion.infrastructure.failure.OutageException when it did not: a
   *     {@link LineageUnavailableException} for an endpoint, the broker's outage for a topic
   */
  void publish(PromotionRun run);
}
