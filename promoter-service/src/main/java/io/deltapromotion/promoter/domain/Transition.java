package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import java.time.Duration;
import java.util.Objects;

/**
 * The gates of entering one stage of the ladder from the stage before it, and how the stage is written.
 *
 * @param qcRequired a version whose QC report failed may not enter
 * @param approvalRequired a person must approve each version before it enters
 * @param minSoak how long the version must have been in the previous stage first
 * @param cloneType how the stage's table is written
 * @param fourEyes an operator's order into the stage does not stand for its approval: the version needs an
 *     approval by another operator than the one who orders it (requires {@code approvalRequired})
 */
public record Transition(boolean qcRequired, boolean approvalRequired, Duration minSoak, CloneType cloneType,
    boolean fourEyes) {

  public Transition {
    Objects.requireNonNull(minSoak, "minSoak");
    Objects.requireNonNull(cloneType, "cloneType");
    if (minSoak.isNegative()) {
      throw new IllegalArgumentException("a soak time cannot be negative: " + minSoak);
    }
    if (fourEyes && !approvalRequired) {
      throw new IllegalArgumentException("four eyes need an approval: set approval-required too");
    }
  }

  public Transition(boolean qcRequired, boolean approvalRequired, Duration minSoak, CloneType cloneType) {
    this(qcRequired, approvalRequired, minSoak, cloneType, false);
  }
}
