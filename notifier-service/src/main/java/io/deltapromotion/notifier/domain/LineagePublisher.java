package io.deltapromotion.notifier.domain;

/** Where promotion runs are told as lineage (an OpenLineage endpoint). */
public interface LineagePublisher {

  /** Stable name of the destination, without secrets, used to remember what it was already sent. */
  String id();

  /**
   * Sends the run; returns once the destination accepted it.
   *
   * @throws LineageUnavailableException when it did not
   */
  void publish(PromotionRun run);
}
