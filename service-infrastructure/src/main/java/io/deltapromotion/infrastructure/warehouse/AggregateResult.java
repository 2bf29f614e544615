package io.deltapromotion.infrastructure.warehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The values of an aggregate query, by alias. */
public record AggregateResult(Map<String, Object> values) {

  public AggregateResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value as a long; null results (e.g. SUM over no rows) are absent, not zero. */
  public OptionalLong getLong(String alias) {
    Object value = require(alias);
    return value == null ? OptionalLong.empty() : OptionalLong.of(((Number) value).longValue());
  }

  /** The value as the warehouse returned it (a number, text, ...); null for SQL NULL. */
  public Object value(String alias) {
    return require(alias);
  }

  public OptionalDouble getDouble(String alias) {
    Object value = require(alias);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) value).doubleValue());
  }

  private Object require(String alias) {
    if (!values.containsKey(alias)) {
      throw new IllegalArgumentException("no aggregate named " + alias + " in " + values.keySet());
    }
    return values.get(alias);
  }
}
