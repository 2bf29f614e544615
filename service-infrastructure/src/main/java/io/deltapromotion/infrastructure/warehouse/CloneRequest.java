package io.deltapromotion.infrastructure.warehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replace the target with a clone of the source at one version, with table properties written in the
 * same statement.
 *
 * @param properties table properties for the target: keys are letters, digits, '_', '-' and '.';
 *     values are any text (escaped as SQL string literals)
 * @param note what the clone's commit (and an emptying commit before it) is marked with; null for none
 */
public record CloneRequest(TableName source, long version, TableName target, CloneType type, Map<String, String> properties,
    CommitNote note) {

  private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,254}");

  public CloneRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(type, "type");
    if (version < 0) {
      throw new IllegalArgumentException("a Delta version is never negative: " + version);
    }
    if (source.equals(target)) {
      throw new IllegalArgumentException("cannot clone " + source + " onto itself");
    }
    properties.forEach((key, value) -> {
      if (key == null || !PROPERTY_KEY.matcher(key).matches()) {
        throw new InvalidIdentifierException("table property key " + Identifier.excerpt(String.valueOf(key))
            + " is not allowed: use letters, digits, '_', '-' and '.', starting with a letter or '_'");
      }
      Objects.requireNonNull(value, () -> "table property " + key + " has no value");
    });
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** A clone whose commit carries no note. */
  public CloneRequest(TableName source, long version, TableName target, CloneType type, Map<String, String> properties) {
    this(source, version, target, type, properties, null);
  }

  public static CloneRequest shallow(TableName source, long version, TableName target, Map<String, String> properties) {
    return new CloneRequest(source, version, target, CloneType.SHALLOW, properties);
  }
}
