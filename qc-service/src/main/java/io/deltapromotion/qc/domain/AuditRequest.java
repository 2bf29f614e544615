package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Objects;

/**
 * What to audit: one pinned version of a source table, and the table it would be promoted to.
 *
 * @param version the Delta version; null when the detector found the source missing
 * @param sourceMissing the detector found no source table (MISSING_SOURCE)
 * @param schemaChanged the detector found the source schema differs from the target's (SCHEMA_CHANGE)
 */
public record AuditRequest(TableName source, TableName target, Long version, boolean sourceMissing,
    boolean schemaChanged) {

  public AuditRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (!sourceMissing && version == null) {
      throw new IllegalArgumentException("the version of " + source + " to audit is missing");
    }
    if (version != null && version < 0) {
      throw new IllegalArgumentException("a Delta version is never negative: " + version);
    }
  }
}
