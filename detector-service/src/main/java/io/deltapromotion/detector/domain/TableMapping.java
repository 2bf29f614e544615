package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.List;
import java.util.Objects;

/**
 * One watched source table and where it is promoted to.
 *
 * @param keyColumns the columns that identify a row (checked for nulls and duplicates); may be empty
 * @param releaseTag the release its versions belong to, or null
 */
public record TableMapping(TableName source, TableName target, List<Identifier> keyColumns, String releaseTag) {

  public TableMapping {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.equals(target)) {
      throw new IllegalArgumentException("table " + source + " is mapped onto itself");
    }
    keyColumns = List.copyOf(keyColumns);
  }
}
