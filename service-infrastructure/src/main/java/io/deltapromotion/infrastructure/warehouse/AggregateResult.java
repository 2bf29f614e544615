package io.deltapromotion.infrastructure.warehouse;

import java.util.Map;

/** The values of an aggregate query, by alias. */
public record AggregateResult(Map<String, Object> values) {

  public AggregateResult {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** The value as a long; null results (e.g. SUM over no rows) are absent, not zero. */
  public java.util.OptionalLong getLong(String alias) {
    Object value = require(alias);
    return value == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(((Number) value).longValue());
  }

  public java.util.OptionalDouble getDouble(String alias) {
    Object value = require(alias);
    return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(((Number) value).doubleValue());
  }

  private Object require(String alias) {
    if (!values.containsKey(alias)) {
      throw new IllegalArgumentException("no aggregate named " + alias + " in " + values.keySet());
    }
    return values.get(alias);
  }
}
