package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Optional;

/** What was promoted before, as the event log tells it (not read from prod). */
public interface PromotionHistory {

  /** The version of the source table its target holds, with the row count QC measured for it. */
  Optional<PromotedBaseline> lastPromoted(TableName source);

  /** A promoted version and its row count. */
  record PromotedBaseline(long version, long rowCount) {}
}
