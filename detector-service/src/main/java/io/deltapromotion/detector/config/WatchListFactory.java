package io.deltapromotion.detector.config;

import io.deltapromotion.detector.domain.WatchedTables;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.ArrayList;
import java.util.List;

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
        WatchedTables entry = entry(watch.get(i));
        entries.add(watch.get(i).poll() ? entry : entry.pipelineOnly());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(property + " is invalid: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static WatchedTables entry(DetectorProperties.Watch watch) {
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
      return WatchedTables.schema(source, target);
    }
    TableName source = TableName.parse(watch.source());
    TableName target = TableName.parse(watch.target());
    if (source.equals(target)) {
      throw new IllegalArgumentException("table " + source + " is mapped onto itself");
    }
    return WatchedTables.table(source, target);
  }

  private static String stripPattern(String pattern) {
    return pattern.substring(0, pattern.length() - 2);
  }
}
