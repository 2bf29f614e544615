package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.qc.domain.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies every difference between the schema the target holds and a candidate's. Columns are
 * matched by name, case-insensitively (as Spark and Databricks resolve them); comments do not count. A
 * dropped column and an added column of the same type at the same position are a rename, as Delta
 * column mapping would do it.
 */
public final class SchemaDiff {

  private static final List<String> INTEGRAL = List.of("tinyint", "smallint", "int", "bigint");
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  private SchemaDiff() {}

  public static List<SchemaChange> between(TableSchema target, TableSchema candidate) {
    Map<String, Column> before = byName(target);
    Map<String, Column> after = byName(candidate);
    List<Column> dropped = target.columns().stream().filter(c -> !after.containsKey(key(c))).toList();
    List<Column> added = new ArrayList<>(candidate.columns().stream().filter(c -> !before.containsKey(key(c))).toList());
    List<SchemaChange> changes = new ArrayList<>();
    for (Column old : dropped) {
      Column renamed = renameOf(old, target, candidate, added);
      if (renamed != null) {
        added.remove(renamed);
        changes.add(new SchemaChange(Kind.RENAMED_COLUMN, renamed.name(), old.name(), renamed.name()));
      } else {
        changes.add(new SchemaChange(Kind.DROPPED_COLUMN, old.name(), old.type(), null));
      }
    }
    for (Column column : added) {
      changes.add(new SchemaChange(column.nullable() ? Kind.ADDED_NULLABLE_COLUMN : Kind.ADDED_NON_NULL_COLUMN,
          column.name(), null, column.type()));
    }
    for (Column old : target.columns()) {
      Column now = after.get(key(old));
      if (now != null) {
        compare(old, now, changes);
      }
    }
    reorder(target, candidate, before, after).ifPresent(changes::add);
    return changes;
  }

  /** Whether a type can be read as another without loss: the widenings Delta's type widening allows. */
  static boolean widens(String from, String to) {
    int fromRank = INTEGRAL.indexOf(from);
    int toRank = INTEGRAL.indexOf(to);
    if (fromRank >= 0 && toRank >= 0) {
      return toRank > fromRank;
    }
    if (fromRank >= 0 && to.equals("double")) {
      return fromRank <= 2;
    }
    if (from.equals("float") && to.equals("double") || from.equals("date") && to.equals("timestamp_ntz")) {
      return true;
    }
    Matcher fromDecimal = DECIMAL.matcher(from);
    Matcher toDecimal = DECIMAL.matcher(to);
    if (fromDecimal.matches() && toDecimal.matches()) {
      int p1 = Integer.parseInt(fromDecimal.group(1));
      int s1 = Integer.parseInt(fromDecimal.group(2));
      int p2 = Integer.parseInt(toDecimal.group(1));
      int s2 = Integer.parseInt(toDecimal.group(2));
      return s2 >= s1 && p2 - s2 >= p1 - s1 && (p2 > p1 || s2 > s1);
    }
    if (fromRank >= 0 && toDecimal.matches()) {
      int digits = new int[] {3, 5, 10, 20}[fromRank];
      return Integer.parseInt(toDecimal.group(1)) - Integer.parseInt(toDecimal.group(2)) >= digits;
    }
    return false;
  }

  private static void compare(Column old, Column now, List<SchemaChange> changes) {
    if (!old.type().equals(now.type())) {
      changes.add(new SchemaChange(widens(old.type(), now.type()) ? Kind.TYPE_WIDENED : Kind.TYPE_CHANGED,
          now.name(), old.type(), now.type()));
    }
    if (old.nullable() && !now.nullable()) {
      changes.add(new SchemaChange(Kind.NULLABILITY_TIGHTENED, now.name(), "nullable", "not null"));
    } else if (!old.nullable() && now.nullable()) {
      changes.add(new SchemaChange(Kind.NULLABILITY_RELAXED, now.name(), "not null", "nullable"));
    }
  }

  /** The added column that takes a dropped one's place: same position, same type. */
  private static Column renameOf(Column old, TableSchema target, TableSchema candidate, List<Column> added) {
    int position = target.columns().indexOf(old);
    if (position >= candidate.columns().size()) {
      return null;
    }
    Column there = candidate.columns().get(position);
    return added.contains(there) && there.type().equals(old.type()) ? there : null;
  }

  /** The columns both schemas have (renames aside) in a different relative order. */
  private static Optional<SchemaChange> reorder(TableSchema target, TableSchema candidate,
      Map<String, Column> before, Map<String, Column> after) {
    List<String> oldOrder = target.columns().stream().map(SchemaDiff::key).filter(after::containsKey).toList();
    List<String> newOrder = candidate.columns().stream().map(SchemaDiff::key).filter(before::containsKey).toList();
    if (oldOrder.equals(newOrder)) {
      return Optional.empty();
    }
    return Optional.of(new SchemaChange(Kind.COLUMNS_REORDERED, null,
        names(oldOrder, before), names(newOrder, after)));
  }

  private static String names(List<String> keys, Map<String, Column> columns) {
    StringBuilder out = new StringBuilder();
    for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
      out.append(columns.get(it.next()).name()).append(it.hasNext() ? ", " : "");
    }
    return "(" + out + ")";
  }

  private static Map<String, Column> byName(TableSchema schema) {
    Map<String, Column> columns = new LinkedHashMap<>();
    schema.columns().forEach(column -> columns.put(key(column), column));
    return columns;
  }

  private static String key(Column column) {
    return column.name().toLowerCase(Locale.ROOT);
  }
}
