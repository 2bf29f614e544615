package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * Which source tables this detector instance polls: with several instances, each table has one owner,
 * so N detectors poll disjoint sets and a pipeline's event and a poll of the same table meet in one place.
 */
@FunctionalInterface
public interface TableOwnership {

  /** Every table: a detector that runs alone. */
  TableOwnership ALL = key -> true;

  /** Whether this instance owns the table written as the key (also a name outside the grammar, as it was read). */
  boolean ownsKey(String key);

  default boolean owns(TableName source) {
    return ownsKey(source.toString());
  }
}
