package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import java.util.List;

/**
 * One entry of the policy file: the rules it sets for what it matches. A null field is not set here and
 * falls back to a less specific entry.
 */
record PolicyEntry(TableMatch match, List<Identifier> keyColumns, DriftThresholds drift, Long minRowCount,
    BreakingChanges breakingChanges, List<CustomCheck> checks) {

  static final PolicyEntry NONE = new PolicyEntry(null, null, null, null, null, null);
}
