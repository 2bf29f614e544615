package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.UnsupportedWarehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
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
  /** Tables whose clone is written, but whose answer never arrives (the connection drops): an outage. */
  final Set<TableName> answerLostAfterClone = new HashSet<>();
  /** Whether the warehouse answers at all: when not, every call is an outage. */
  boolean reachable = true;
  /** Tables whose files are gone (vacuumed): reading them fails; a new clone of a readable source mends them. */
  final Set<TableName> unreadable = new HashSet<>();
  final Map<TableName, String> sourceComments = new HashMap<>();
  private final Map<TableName, List<Commit>> tables = new HashMap<>();

  @Override
  public boolean tableExists(TableName table) {
    requireReachable();
    calls.add("tableExists " + table);
    return tables.containsKey(table);
  }

  @Override
  public Map<String, String> properties(TableName table) {
    requireReachable();
    calls.add("properties " + table);
    return newest(table).properties();
  }

  @Override
  public List<HistoryEntry> history(TableName table, int limit) {
    requireReachable();
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
    requireReachable();
    calls.add("clone " + request.target());
    if (refuseClone.contains(request.target())) {
      throw new WarehouseException("[DELTA_ONLY_OPERATION] CLONE is only supported for Delta tables.", "42000", null);
    }
    clones.add(request);
    unreadable.remove(request.target());
    Long before = tables.containsKey(request.target()) ? (long) tables.get(request.target()).size() - 1 : null;
    List<Commit> commits = tables.computeIfAbsent(request.target(), table -> new ArrayList<>());
    long version = commits.size();
    commits.add(new Commit(new HistoryEntry(version, AT, "CLONE", Map.of("source", "spark_catalog." + request.source(),
        "sourceVersion", String.valueOf(request.version())), request.note() == null ? null : request.note().text()),
        Map.copyOf(request.properties())));
    if (interferingWrite.contains(request.target())) {
      commits.add(new Commit(new HistoryEntry(version + 1, AT, "WRITE", Map.of()), Map.copyOf(request.properties())));
    }
    if (answerLostAfterClone.remove(request.target())) {
      throw new WarehouseUnavailableException("clone failed: TTransportException: Socket is closed by peer.", null);
    }
    return new CloneResult(newest(request.target()).entry(), before, 1);
  }

  /** A commit someone other than the promoter made (no note of ours), keeping the table's properties. */
  void writtenBySomeoneElse(TableName table, String operation) {
    List<Commit> commits = commits(table);
    commits.add(new Commit(new HistoryEntry(commits.size(), AT, operation, Map.of(), null), newest(table).properties()));
  }

  /** What open-source Delta's first commit of a clone onto a non-empty table leaves when the clone never follows. */
  void emptiedForAClone(TableName table, String promotionId) {
    List<Commit> commits = commits(table);
    commits.add(new Commit(new HistoryEntry(commits.size(), AT, "DELETE", Map.of(),
        new CommitNote(CommitNote.Action.EMPTY_BEFORE_CLONE, promotionId).text()), newest(table).properties()));
  }

  @Override
  public long readEveryFile(TableName table, Long version) {
    requireReachable();
    calls.add("read " + table);
    commits(table);
    if (unreadable.contains(table)) {
      throw new WarehouseException("[FAILED_READ_FILE] file part-0001.parquet does not exist", "42000", null);
    }
    return 1;
  }

  @Override
  public long restore(TableName table, long version, CommitNote note) {
    requireReachable();
    calls.add("restore " + table + " " + version);
    if (refuseRestore.contains(table)) {
      throw new WarehouseException("[DELTA_FILE_NOT_FOUND] the files of version " + version + " were vacuumed", "42000", null);
    }
    List<Commit> commits = commits(table);
    long restored = commits.size();
    commits.add(new Commit(new HistoryEntry(restored, AT, "RESTORE", Map.of("version", String.valueOf(version)),
        note == null ? null : note.text()), commits.get((int) version).properties()));
    return restored;
  }

  @Override
  public void dropTable(TableName table) {
    calls.add("drop " + table);
    tables.remove(table);
  }

  /** How many commits the table has. */
  int commitCount(TableName table) {
    return commits(table).size();
  }

  private void requireReachable() {
    if (!reachable) {
      throw new WarehouseUnavailableException("cannot connect to the warehouse: HikariPool - Connection is not "
          + "available, request timed out after 30000ms", null);
    }
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
      throw new WarehouseException.TableNotFound("[TABLE_OR_VIEW_NOT_FOUND] " + table, "42P01", null);
    }
    return commits;
  }
}
