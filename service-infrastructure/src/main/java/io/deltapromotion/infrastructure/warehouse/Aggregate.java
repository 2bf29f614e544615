package io.deltapromotion.infrastructure.warehouse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One named aggregate expression of an aggregate query. Only the factories here build one, from
 * validated identifiers, so every expression is safe to put into SQL.
 */
public final class Aggregate {

  private final Identifier alias;
  private final String expression;

  private Aggregate(Identifier alias, String expression) {
    this.alias = alias;
    this.expression = expression;
  }

  /** The name of the result. */
  public Identifier alias() {
    return alias;
  }

  /** The SQL expression. */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression + " AS " + alias;
  }

  /** Number of rows. */
  public static Aggregate rowCount(String alias) {
    return new Aggregate(Identifier.of(alias), "COUNT(*)");
  }

  /** Number of rows where the column is null. */
  public static Aggregate nullCount(String alias, Identifier column) {
    return new Aggregate(Identifier.of(alias), "COUNT(*) - COUNT(" + column.quoted() + ")");
  }

  /**
   * Number of rows beyond the first for each key value: rows whose (non-null) key another row also
   * has. Rows with a null key part are left to {@link #nullCount}.
   */
  public static Aggregate duplicateKeyCount(String alias, List<Identifier> key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a duplicate-key count needs at least one key column");
    }
    String columns = key.stream().map(Identifier::quoted).collect(Collectors.joining(", "));
    String allPresent = key.stream().map(column -> column.quoted() + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
    return new Aggregate(Identifier.of(alias),
        "COUNT(CASE WHEN " + allPresent + " THEN 1 END) - COUNT(DISTINCT " + columns + ")");
  }

  /**
   * Number of rows for which a row-level condition is not true (false or null): the rows that violate
   * it. The condition must not aggregate.
   */
  public static Aggregate violations(String alias, SqlExpression condition) {
    if (condition.isAggregate()) {
      throw new IllegalArgumentException("a row condition cannot call an aggregate function "
          + condition.aggregateCalls() + ": " + condition);
    }
    return new Aggregate(Identifier.of(alias), "COUNT(CASE WHEN (" + condition.sql() + ") THEN NULL ELSE 1 END)");
  }

  /** An aggregate expression over the rows, e.g. {@code AVG(amount)}; it must call an aggregate function. */
  public static Aggregate metric(String alias, SqlExpression expression) {
    if (!expression.isAggregate()) {
      throw new IllegalArgumentException("a metric must aggregate the rows (COUNT, SUM, AVG, MIN, MAX, ...): " + expression);
    }
    return new Aggregate(Identifier.of(alias), "(" + expression.sql() + ")");
  }
}
