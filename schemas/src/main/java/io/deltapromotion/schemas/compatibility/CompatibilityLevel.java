package io.deltapromotion.schemas.compatibility;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Schema evolution rules with the Confluent Schema Registry's names and meaning. BACKWARD: consumers
 * using the new schema read data written with the old one. FORWARD: consumers using the old schema read
 * data written with the new one. FULL: both. The transitive variants check against every earlier
 * version, the others only against the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Why the candidate may not follow the existing versions (oldest first) under this level; empty
   * when it may.
   */
  public List<String> violations(Schema candidate, List<Schema> existing) {
    List<String> violations = new ArrayList<>();
    if (existing.isEmpty()) {
      return violations;
    }
    List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
    for (Schema previous : against) {
      int version = existing.indexOf(previous) + 1;
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
            "the new schema cannot read data written with version " + version, violations);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
            "version " + version + " cannot read data written with the new schema", violations);
      }
    }
    return violations;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> violations) {
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      result.getResult().getIncompatibilities().forEach(incompatibility -> violations.add(direction + ": "
          + incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")"));
    }
  }
}
