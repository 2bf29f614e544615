package io.deltapromotion.detector.config;

import io.deltapromotion.detector.domain.WatchedTables;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the watch configuration into validated watch entries, failing start-up with the offending
 * property named when a name does not parse or a pattern is mapped to a single table.
 */
final class WatchListFactory {

  private static final String PREFIX = "deltapromotion.detector.watch";

  private WatchListFactory() {}

  static List<WatchedTables> create(List<DetectorProperties.Watch> watch) {
    List<WatchedTables> entries = new ArrayList<>();
    for (int i = 0; i < watch.size(); i++) {
      String property = PREFIX + "[" + i + "]";
      try {
        entries.add(entry(watch.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(property + " is invalid: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static WatchedTables entry(DetectorProperties.Watch watch) {
    Map<String, List<Identifier>> keys = new LinkedHashMap<>();
    watch.keyColumns().forEach((table, columns) -> keys.put(
        Identifier.of(table).value().toLowerCase(Locale.ROOT),
        columns.stream().map(Identifier::of).toList()));
    boolean sourcePattern = watch.source().endsWith(".*");
    boolean targetPattern = watch.target().endsWith(".*");
    if (sourcePattern != targetPattern) {
      throw new IllegalArgumentException("source '" + watch.source() + "' and target '" + watch.target()
          + "' must both be tables or both be schema patterns (schema.*)");
    }
    if (sourcePattern) {
      SchemaName source = SchemaName.parse(stripPattern(watch.source()));
      SchemaName target = SchemaName.parse(stripPattern(watch.target()));
      if (source.equals(target)) {
        throw new IllegalArgumentException("schema " + source + " is mapped onto itself");
      }
      return WatchedTables.schema(source, target, keys, watch.releaseTag());
    }
    TableName source = TableName.parse(watch.source());
    TableName target = TableName.parse(watch.target());
    if (source.equals(target)) {
      throw new IllegalArgumentException("table " + source + " is mapped onto itself");
    }
    if (keys.keySet().stream().anyMatch(table -> !table.equals(source.table()))) {
      throw new IllegalArgumentException("key-columns may only name the watched table '" + source.table() + "', got " + keys.keySet());
    }
    return WatchedTables.table(source, target, keys, watch.releaseTag());
  }

  private static String stripPattern(String pattern) {
    return pattern.substring(0, pattern.length() - 2);
  }
}
