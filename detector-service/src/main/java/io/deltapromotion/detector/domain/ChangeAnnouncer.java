package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaTables;

/**
 * Publishes detections (as TableChanged events). Returns only once the announcement is durable and the
 * {@link AnnouncedVersions} know it: they are folded from the announcements read back from the log, the
 * one way into them.
 */
public interface ChangeAnnouncer {

  void announce(Detection detection);

  /**
   * Tells people about a table of a watched schema that detection skips because its name is outside the
   * grammar (it is reported once, as bad input). Returns only once the report is durable.
   */
  void skipped(SchemaTables.RefusedName table);
}
