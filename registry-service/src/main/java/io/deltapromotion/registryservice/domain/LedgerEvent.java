package io.deltapromotion.registryservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the promotion log as the registry keeps it: every one is kept, so any past moment can be
 * answered as the log stood then.
 */
public sealed interface LedgerEvent permits Announcement, QcReport, StageOutcome, OperatorOrder {

  /** Its identity: id, promotion, table and time. */
  Header header();

  /** The event's own id: an event delivered twice is kept once. */
  default String eventId() {
    return header().eventId();
  }

  /** The promotion (correlation id) the event belongs to. */
  default String promotionId() {
    return header().promotionId();
  }

  /** The pre-prod table the event is about. */
  default String table() {
    return header().table();
  }

  /** When it occurred, as its producer stamped it. */
  default Instant at() {
    return header().at();
  }

  /** The identity every event shares, checked once. */
  record Header(String eventId, String promotionId, String table, Instant at) {

    public Header {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(promotionId, "promotionId");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(at, "at");
    }
  }
}
