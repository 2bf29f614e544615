package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.policy.CustomCheck;
import io.deltapromotion.policy.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The policy's custom checks: each one aggregate in the same scan as the built-in gates. A check naming
 * a column the version does not have fails on its own, before the scan, so one stale check cannot stop
 * the others from running.
 */
final class CustomChecks {

  private static final String PREFIX = "custom.";

  private final List<CustomCheck> runnable = new ArrayList<>();
  private final List<CheckOutcome> unrunnable = new ArrayList<>();

  CustomChecks(List<CustomCheck> checks, List<String> columns, String versionLabel) {
    for (CustomCheck check : checks) {
      List<String> unknown = check.expression().columnReferences().stream()
          .filter(column -> !has(columns, column)).toList();
      if (unknown.isEmpty()) {
        runnable.add(check);
      } else {
        unrunnable.add(new CheckOutcome(PREFIX + check.name(), verdict(check.severity()), null, null,
            "the check '" + check.expression() + "' refers to column(s) " + unknown + " that " + versionLabel
                + " does not have; fix the check in the table policy or the table"));
      }
    }
  }

  List<Aggregate> aggregates() {
    return runnable.stream().map(check -> check.kind() == CustomCheck.Kind.CONDITION
        ? Aggregate.violations(alias(check), check.expression())
        : Aggregate.metric(alias(check), check.expression())).toList();
  }

  List<CheckOutcome> evaluate(AggregateResult result) {
    List<CheckOutcome> outcomes = new ArrayList<>(unrunnable);
    for (CustomCheck check : runnable) {
      outcomes.add(check.kind() == CustomCheck.Kind.CONDITION ? condition(check, result) : metric(check, result));
    }
    return outcomes;
  }

  private static CheckOutcome condition(CustomCheck check, AggregateResult result) {
    long violations = result.getLong(alias(check)).orElse(0);
    boolean passed = violations <= check.maxViolations();
    return new CheckOutcome(PREFIX + check.name(), passed ? Verdict.PASS : verdict(check.severity()),
        Long.toString(violations), Long.toString(check.maxViolations()),
        passed ? (violations == 0 ? "every row satisfies " : violations + " row(s) do not satisfy, within the allowed "
            + check.maxViolations() + ": ") + check.expression()
            : violations + " row(s) do not satisfy " + check.expression() + " (at most " + check.maxViolations()
                + " allowed)");
  }

  private static CheckOutcome metric(CustomCheck check, AggregateResult result) {
    String range = "[" + (check.min() == null ? "" : plain(check.min())) + ", "
        + (check.max() == null ? "" : plain(check.max())) + "]";
    Object raw = result.value(alias(check));
    if (raw != null && !(raw instanceof Number)) {
      return new CheckOutcome(PREFIX + check.name(), verdict(check.severity()), abbreviate(raw.toString()), range,
          check.expression() + " is '" + abbreviate(raw.toString()) + "', not a number, so it cannot be within " + range
              + "; a metric must aggregate to a number (fix the check in the table policy)");
    }
    OptionalDouble value = result.getDouble(alias(check));
    if (value.isEmpty()) {
      return new CheckOutcome(PREFIX + check.name(), verdict(check.severity()), null, range,
          check.expression() + " is NULL for this version (no rows, or only nulls), so it cannot be within " + range);
    }
    double observed = value.getAsDouble();
    boolean passed = (check.min() == null || observed >= check.min()) && (check.max() == null || observed <= check.max());
    return new CheckOutcome(PREFIX + check.name(), passed ? Verdict.PASS : verdict(check.severity()), plain(observed),
        range, check.expression() + " is " + plain(observed) + (passed ? ", within " : ", outside ") + range);
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  /** Whether the column is among the names, case-insensitively (as Spark resolves names). */
  static boolean has(List<String> columns, String column) {
    return columns.stream().anyMatch(name -> name.equalsIgnoreCase(column));
  }

  private static String alias(CustomCheck check) {
    return "custom_" + check.name();
  }

  private static Verdict verdict(Severity severity) {
    return severity == Severity.WARN ? Verdict.WARN : Verdict.FAIL;
  }

  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
