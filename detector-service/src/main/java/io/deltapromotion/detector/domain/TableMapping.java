package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Objects;

/** One watched source table and where it is promoted to. */
public record TableMapping(TableName source, TableName target) {

  public TableMapping {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.equals(target)) {
      throw new IllegalArgumentException("table " + source + " is mapped onto itself");
    }
  }
}
