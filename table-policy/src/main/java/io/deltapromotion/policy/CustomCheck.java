package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.SqlExpression;
import java.util.regex.Pattern;

/**
 * A check the policy adds, computed in the same scan as the built-in gates.
 *
 * <ul>
 *   <li>A {@link Kind#CONDITION}: a row-level boolean every row should satisfy; the number of rows for
 *       which it is not true (false or null) must not exceed {@code maxViolations}.
 *   <li>A {@link Kind#METRIC}: an aggregate expression (e.g. {@code AVG(amount)}) whose value must lie
 *       within {@code min} and {@code max} (either may be absent).
 * </ul>
 *
 * @param name stable name, reported as {@code custom.<name>}
 */
public record CustomCheck(String name, Kind kind, SqlExpression expression, Severity severity, long maxViolations,
    Double min, Double max) {

  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public enum Kind { CONDITION, METRIC }

  public CustomCheck {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a check name is 1-63 lower-case letters, digits or '_', starting with a letter");
    }
    if (kind == Kind.METRIC && min == null && max == null) {
      throw new IllegalArgumentException("a metric needs a min, a max or both");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("min (" + min + ") is above max (" + max + ")");
    }
    if (maxViolations < 0) {
      throw new IllegalArgumentException("max-violations must be at least 0");
    }
  }

  public static CustomCheck condition(String name, SqlExpression condition, Severity severity, long maxViolations) {
    return new CustomCheck(name, Kind.CONDITION, condition, severity, maxViolations, null, null);
  }

  public static CustomCheck metric(String name, SqlExpression metric, Severity severity, Double min, Double max) {
    return new CustomCheck(name, Kind.METRIC, metric, severity, 0, min, max);
  }
}
