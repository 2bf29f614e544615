package io.deltapromotion.detector.domain;

/** Publishes detections (as TableChanged events). Returns only once the announcement is durable. */
public interface ChangeAnnouncer {

  void announce(Detection detection);
}
