package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Lineage;
import java.util.Optional;

/**
 * What the target table holds, as far as classification needs it.
 *
 * @param exists whether the target table exists
 * @param lineage its promotion lineage, if it has a readable one
 * @param schemaFingerprint fingerprint of its current schema; null when it does not exist
 */
public record TargetState(boolean exists, Optional<Lineage> lineage, String schemaFingerprint) {

  public static TargetState absent() {
    return new TargetState(false, Optional.empty(), null);
  }

  public static TargetState present(Optional<Lineage> lineage, String schemaFingerprint) {
    return new TargetState(true, lineage, schemaFingerprint);
  }

  /** The source version the target holds, if its lineage says. */
  public Optional<Long> promotedVersion() {
    return lineage.map(Lineage::promotedVersion);
  }
}
