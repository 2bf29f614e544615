package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.VersionMetadata;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.policy.TablePolicies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds new versions of watched tables and announces each once, whoever noticed it first: the poll
 * (one history read per watched table per cycle, tables read in parallel on a bounded executor) or an
 * upstream pipeline's commit event. Work on one table is serialised, so the poll and a pipeline never
 * announce the same version twice. With several instances, each polls only the tables it owns
 * ({@link TableOwnership}), and pipeline events reach the owner of their table. A table whose reads fail
 * is logged and retried next cycle; a table of a watched schema whose name is outside the grammar is
 * skipped (and reported once), never in the way of the others.
 */
public final class ChangeDetector {

  private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

  private final Warehouse warehouse;
  private final List<WatchedTables> watchList;
  private final TablePolicies policies;
  private final AnnouncedVersions announced;
  private final RefusedTables refused;
  private final ChangeAnnouncer announcer;
  private final int historyDepth;
  private final Executor reads;
  private final TableOwnership ownership;
  private final Map<TableName, Object> tableLocks = new ConcurrentHashMap<>();

  /** @param reads runs the per-table reads of a cycle; its thread count bounds the concurrent reads */
  public ChangeDetector(Warehouse warehouse, List<WatchedTables> watchList, TablePolicies policies,
      AnnouncedVersions announced, RefusedTables refused, ChangeAnnouncer announcer, int historyDepth, Executor reads) {
    this(warehouse, watchList, policies, announced, refused, announcer, historyDepth, reads, TableOwnership.ALL);
  }

  /** @param ownership the tables this instance polls (the others are other instances') */
  public ChangeDetector(Warehouse warehouse, List<WatchedTables> watchList, TablePolicies policies,
      AnnouncedVersions announced, RefusedTables refused, ChangeAnnouncer announcer, int historyDepth, Executor reads,
      TableOwnership ownership) {
    this.ownership = ownership;
    this.warehouse = warehouse;
    this.watchList = List.copyOf(watchList);
    this.policies = policies;
    this.announced = announced;
    this.refused = refused;
    this.announcer = announcer;
    this.historyDepth = historyDepth;
    this.reads = reads;
  }

  /**
   * Runs one cycle over every watched table and waits for it to finish. A table that cannot be read
   * this cycle (the warehouse refused, or could not be reached) is left for the next; the others go on.
   *
   * @throws RuntimeException when an announcement could not be published (the broker or the schema
   *     registry is down): the cycle stops, and what it did not announce is announced by the next
   */
  public CycleOutcome runCycle() {
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> outage = new AtomicReference<>();
    List<Detection> detections = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> tables = new ArrayList<>();
    for (TableMapping mapping : mappings(failed, outage)) {
      if (!ownership.owns(mapping.source())) {
        continue;
      }
      tables.add(CompletableFuture.runAsync(() -> {
        try {
          pollOne(mapping).ifPresent(detections::add);
        } catch (TableNotOwnedException e) {
          log.info("{} is no longer this instance's to poll: {}", mapping.source(), e.getMessage());
        } catch (WarehouseException e) {
          failed.incrementAndGet();
          log.warn("Could not check {} this cycle: {}", mapping.source(), e.getMessage());
        } catch (WarehouseUnavailableException e) {
          failed.incrementAndGet();
          outage.compareAndSet(null, e.getMessage());
        }
      }, reads));
    }
    try {
      CompletableFuture.allOf(tables.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return new CycleOutcome(detections, failed.get(), outage.get());
  }

  /**
   * Announces the version a pipeline says it committed, at once. A version already announced (by the
   * poll or an earlier copy of the event) or older than one announced is ignored.
   *
   * @throws RejectedEventException when the table is not watched, does not exist or has no such version
   */
  public Optional<Detection> onPipelineCommit(PipelineCommit commit) {
    TableMapping mapping = mappingFor(commit.table());
    synchronized (lockFor(mapping.source())) {
      List<HistoryEntry> history = requireVersion(commit);
      HistoryEntry entry = history.get(0);
      if (!announced.isNew(commit.table(), entry.version(), entry.timestamp())) {
        log.info("{} version {} from {} was already announced; ignoring it", commit.table(), entry.version(), commit.describe());
        return Optional.empty();
      }
      if (announced.hasNewerThan(commit.table(), entry.version(), entry.timestamp())) {
        log.info("{} version {} from {} is older than the version already announced; ignoring it", commit.table(),
            entry.version(), commit.describe());
        return Optional.empty();
      }
      String releaseTag = commit.releaseTag() != null ? commit.releaseTag() : policies.releaseOf(commit.table()).orElse(null);
      return Optional.of(announce(classify(mapping, history, releaseTag, commit.describe())));
    }
  }

  /**
   * Checks that a pipeline's commit names a watched table and a version it has, without announcing it:
   * what the HTTP intake answers 4xx for.
   *
   * @return the version, resolved when the commit names none
   * @throws RejectedEventException saying what is wrong
   */
  public long check(PipelineCommit commit) {
    mappingFor(commit.table());
    return requireVersion(commit).get(0).version();
  }

  private TableMapping mappingFor(TableName table) {
    return watchList.stream().map(entry -> entry.mappingFor(table)).flatMap(Optional::stream).findFirst()
        .orElseThrow(() -> new RejectedEventException("table " + table + " is not watched by this detector; "
            + "add it (or its schema) to deltapromotion.detector.watch"));
  }

  /** The table's history from the commit's version on (that version first). */
  private List<HistoryEntry> requireVersion(PipelineCommit commit) {
    List<HistoryEntry> history;
    try {
      history = warehouse.history(commit.table(), historyDepth);
    } catch (WarehouseException.TableNotFound e) {
      throw new RejectedEventException("table " + commit.table() + " does not exist", e);
    }
    long latest = history.get(0).version();
    long version = commit.version() == null ? latest : commit.version();
    if (version > latest) {
      throw new RejectedEventException("table " + commit.table() + " has no version " + version + " (its latest is " + latest + ")");
    }
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).version() == version) {
        return history.subList(i, history.size());
      }
    }
    throw new RejectedEventException("version " + version + " of " + commit.table() + " is older than the "
        + historyDepth + " most recent commits the detector reads; announce a recent version");
  }

  private Set<TableMapping> mappings(AtomicInteger failed, AtomicReference<String> outage) {
    Set<TableMapping> mappings = new LinkedHashSet<>();
    for (WatchedTables entry : watchList) {
      if (!entry.polled()) {
        continue;
      }
      try {
        WatchedTables.Resolved resolved = entry.resolve(warehouse);
        mappings.addAll(resolved.mappings());
        resolved.refused().forEach(this::skip);
      } catch (WarehouseException e) {
        failed.incrementAndGet();
        log.warn("Could not list the tables of {} this cycle: {}", entry, e.getMessage());
      } catch (WarehouseUnavailableException e) {
        failed.incrementAndGet();
        outage.compareAndSet(null, e.getMessage());
      }
    }
    return mappings;
  }

  /** A table whose name is outside the grammar is skipped, and reported once; the other tables go on. */
  private void skip(SchemaTables.RefusedName table) {
    if (!ownership.ownsKey(table.schema() + "." + table.name()) || !refused.isNew(table.schema(), table.name())) {
      return;
    }
    log.warn("Skipping table '{}' of watched schema {}: {}; it is not detected until it is renamed", table.name(),
        table.schema(), table.reason());
    try {
      announcer.skipped(table);
    } catch (RuntimeException e) {
      refused.forget(table.schema(), table.name());
      throw e;
    }
  }

  Optional<Detection> pollOne(TableMapping mapping) {
    TableName source = mapping.source();
    synchronized (lockFor(source)) {
      String releaseTag = policies.releaseOf(source).orElse(null);
      List<HistoryEntry> history;
      try {
        history = warehouse.history(source, historyDepth);
      } catch (WarehouseException.TableNotFound missing) {
        return announced.isNewlyMissing(source)
            ? Optional.of(announce(Detection.missingSource(mapping, policies.policyFor(source).keyColumns(), releaseTag)))
            : Optional.empty();
      }
      HistoryEntry latest = history.get(0);
      if (!announced.isNew(source, latest.version(), latest.timestamp())) {
        return Optional.empty();
      }
      return Optional.of(announce(classify(mapping, history, releaseTag, null)));
    }
  }

  private Detection announce(Detection detection) {
    announcer.announce(detection);
    return detection;
  }

  private Detection classify(TableMapping mapping, List<HistoryEntry> history, String releaseTag, String pipelineRun) {
    TableName source = mapping.source();
    HistoryEntry commit = history.get(0);
    VersionMetadata metadata = warehouse.metadataAt(source, commit.version());
    SourceVersion version = new SourceVersion(history, metadata.schema().fingerprint());
    TargetState target = targetState(mapping.target());
    ChangeCategory category = ChangeClassifier.classify(source, version, target);
    return new Detection(mapping, category, commit.version(), version.schemaFingerprint(),
        target.promotedVersion().orElse(null), commit.operation(), commit.timestamp(),
        policies.policyFor(source).keyColumns(), releaseTag, pipelineRun, metadata.comment());
  }

  /** What the target holds; its properties, read first, are the existence check. */
  private TargetState targetState(TableName target) {
    Optional<Map<String, String>> properties = warehouse.propertiesIfExists(target);
    if (properties.isEmpty()) {
      return TargetState.absent();
    }
    long current = warehouse.history(target, 1).get(0).version();
    return TargetState.present(Lineage.fromProperties(properties.get()), warehouse.schemaAt(target, current).fingerprint());
  }

  private Object lockFor(TableName table) {
    return tableLocks.computeIfAbsent(table, key -> new Object());
  }
}
