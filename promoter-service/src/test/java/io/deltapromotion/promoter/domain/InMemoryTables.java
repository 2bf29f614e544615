package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.UnsupportedWarehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delta tables as the promoter sees them, in memory: each commit keeps the table's properties, so a
 * RESTORE brings back the lineage of the version it returns to, as Delta's does. Clones onto existing
 * tables take one commit (as on Databricks). Failures are switched on per table.
 */
final class InMemoryTables extends UnsupportedWarehouse {

  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

  private record Commit(HistoryEntry entry, Map<String, String> properties) {}

  final List<String> calls = new ArrayList<>();
  final List<CloneRequest> clones = new ArrayList<>();
  final Set<TableName> refuseClone = new HashSet<>();
  final Set<TableName> refuseRestore = new HashSet<>();
  final Set<TableName> interferingWrite = new HashSet<>();
  /** Tables whose files are gone (vacuumed): reading them fails; a new clone of a readable source mends them. */
  final Set<TableName> unreadable = new HashSet<>();
  final Map<TableName, String> sourceComments = new HashMap<>();
  private final Map<TableName, List<Commit>> tables = new HashMap<>();

  @Override
  public boolean tableExists(TableName table) {
    calls.add("tableExists " + table);
    return tables.containsKey(table);
  }

  @Override
  public Map<String, String> properties(TableName table) {
    calls.add("properties " + table);
    return newest(table).properties();
  }

  @Override
  public List<HistoryEntry> history(TableName table, int limit) {
    calls.add("history " + table);
    List<HistoryEntry> newestFirst = new ArrayList<>(commits(table).stream().map(Commit::entry).toList());
    java.util.Collections.reverse(newestFirst);
    return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
  }

  @Override
  public java.util.Optional<String> tableCommentAt(TableName table, long version) {
    return java.util.Optional.ofNullable(sourceComments.get(table));
  }

  @Override
  public CloneResult clone(CloneRequest request) {
    calls.add("clone " + request.target());
    if (refuseClone.contains(request.target())) {
      throw new WarehouseException("[DELTA_ONLY_OPERATION] CLONE is only supported for Delta tables.", "42000", null);
    }
    clones.add(request);
    unreadable.remove(request.target());
    List<Commit> commits = tables.computeIfAbsent(request.target(), table -> new ArrayList<>());
    long version = commits.size();
    commits.add(new Commit(new HistoryEntry(version, AT, "CLONE", Map.of("source", "spark_catalog." + request.source(),
        "sourceVersion", String.valueOf(request.version()))), Map.copyOf(request.properties())));
    if (interferingWrite.contains(request.target())) {
      commits.add(new Commit(new HistoryEntry(version + 1, AT, "WRITE", Map.of()), Map.copyOf(request.properties())));
    }
    return new CloneResult(version, 1);
  }

  @Override
  public long readEveryFile(TableName table, Long version) {
    calls.add("read " + table);
    commits(table);
    if (unreadable.contains(table)) {
      throw new WarehouseException("[FAILED_READ_FILE] file part-0001.parquet does not exist", "42000", null);
    }
    return 1;
  }

  @Override
  public long restore(TableName table, long version) {
    calls.add("restore " + table + " " + version);
    if (refuseRestore.contains(table)) {
      throw new WarehouseException("[DELTA_FILE_NOT_FOUND] the files of version " + version + " were vacuumed", "42000", null);
    }
    List<Commit> commits = commits(table);
    long restored = commits.size();
    commits.add(new Commit(new HistoryEntry(restored, AT, "RESTORE", Map.of("version", String.valueOf(version))),
        commits.get((int) version).properties()));
    return restored;
  }

  @Override
  public void dropTable(TableName table) {
    calls.add("drop " + table);
    tables.remove(table);
  }

  /** The table's current properties; empty when it does not exist. */
  Map<String, String> propertiesOf(TableName table) {
    return tables.containsKey(table) ? newest(table).properties() : Map.of();
  }

  private Commit newest(TableName table) {
    List<Commit> commits = commits(table);
    return commits.get(commits.size() - 1);
  }

  private List<Commit> commits(TableName table) {
    List<Commit> commits = tables.get(table);
    if (commits == null) {
      throw new WarehouseException("[TABLE_OR_VIEW_NOT_FOUND] " + table, "42P01", null);
    }
    return commits;
  }
}
