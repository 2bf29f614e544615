package io.deltapromotion.qc.domain;

import io.deltapromotion.policy.BreakingChanges;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Schema compatibility with what the target holds: additive changes pass; breaking ones fail, or, when
 * the policy allows them with approval, require a person's approval before the promoter goes ahead.
 */
final class SchemaGate {

  static final String NAME = "schema_compatibility";

  private SchemaGate() {}

  static CheckOutcome evaluate(List<SchemaChange> changes, BreakingChanges rule) {
    if (changes.isEmpty()) {
      return new CheckOutcome(NAME, Verdict.PASS, "unchanged", null, "the schema is the one the target holds");
    }
    List<SchemaChange> breaking = changes.stream().filter(SchemaChange::breaking).toList();
    String all = describe(changes);
    if (breaking.isEmpty()) {
      return new CheckOutcome(NAME, Verdict.PASS, all, "additive", "additive schema change: " + all);
    }
    String reasons = describe(breaking);
    if (rule == BreakingChanges.APPROVAL) {
      return new CheckOutcome(NAME, Verdict.WARN, all, "breaking: approval",
          "breaking schema change requires approval: " + reasons, true);
    }
    return new CheckOutcome(NAME, Verdict.FAIL, all, "breaking: never", "breaking schema change: " + reasons
        + "; readers of the target would break. Make the change additive, or allow it with approval in the table policy");
  }

  private static String describe(List<SchemaChange> changes) {
    return changes.stream().map(SchemaChange::describe).collect(Collectors.joining(", "));
  }
}
