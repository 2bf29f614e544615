package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.List;

/**
 * What to audit: one pinned version of a source table, with the key to check.
 *
 * @param version the Delta version; null when the detector found the source missing
 * @param sourceMissing the detector found no source table (MISSING_SOURCE)
 */
public record AuditRequest(TableName source, Long version, List<Identifier> keyColumns, boolean sourceMissing) {

  public AuditRequest {
    keyColumns = List.copyOf(keyColumns);
    if (!sourceMissing && version == null) {
      throw new IllegalArgumentException("the version of " + source + " to audit is missing");
    }
    if (version != null && version < 0) {
      throw new IllegalArgumentException("a Delta version is never negative: " + version);
    }
  }
}
