package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One detection cycle: for every watched table, one history read; for a version not announced yet, the
 * reads needed to classify it, then one announcement. A table whose reads fail is logged and retried
 * next cycle; the others carry on.
 */
public final class ChangeDetector {

  private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

  private final Warehouse warehouse;
  private final List<WatchedTables> watchList;
  private final AnnouncedVersions announced;
  private final ChangeAnnouncer announcer;
  private final int historyDepth;

  public ChangeDetector(Warehouse warehouse, List<WatchedTables> watchList, AnnouncedVersions announced,
      ChangeAnnouncer announcer, int historyDepth) {
    this.warehouse = warehouse;
    this.watchList = List.copyOf(watchList);
    this.announced = announced;
    this.announcer = announcer;
    this.historyDepth = historyDepth;
  }

  /** Runs one cycle; returns what it announced. */
  public List<Detection> runCycle() {
    List<Detection> detections = new ArrayList<>();
    for (TableMapping mapping : mappings()) {
      try {
        detect(mapping).ifPresent(detection -> {
          announcer.announce(detection);
          announced.record(detection);
          detections.add(detection);
        });
      } catch (WarehouseException e) {
        log.warn("Could not check {} this cycle: {}", mapping.source(), e.getMessage());
      }
    }
    return detections;
  }

  private Set<TableMapping> mappings() {
    Set<TableMapping> mappings = new LinkedHashSet<>();
    for (WatchedTables entry : watchList) {
      try {
        mappings.addAll(entry.resolve(warehouse));
      } catch (WarehouseException e) {
        log.warn("Could not list the tables of {} this cycle: {}", entry, e.getMessage());
      }
    }
    return mappings;
  }

  Optional<Detection> detect(TableMapping mapping) {
    TableName source = mapping.source();
    List<HistoryEntry> history;
    try {
      history = warehouse.history(source, historyDepth);
    } catch (WarehouseException.TableNotFound missing) {
      return announced.isNewlyMissing(source) ? Optional.of(Detection.missingSource(mapping)) : Optional.empty();
    }
    HistoryEntry latest = history.get(0);
    if (!announced.isNew(source, latest.version(), latest.timestamp())) {
      return Optional.empty();
    }
    SourceVersion version = new SourceVersion(history, warehouse.schemaAt(source, latest.version()).fingerprint());
    TargetState target = targetState(mapping.target());
    ChangeCategory category = ChangeClassifier.classify(source, version, target);
    return Optional.of(new Detection(mapping, category, latest.version(), version.schemaFingerprint(),
        target.promotedVersion().orElse(null), latest.operation(), latest.timestamp()));
  }

  private TargetState targetState(TableName target) {
    if (!warehouse.tableExists(target)) {
      return TargetState.absent();
    }
    Optional<Lineage> lineage = Lineage.fromProperties(warehouse.properties(target));
    long current = warehouse.history(target, 1).get(0).version();
    return TargetState.present(lineage, warehouse.schemaAt(target, current).fingerprint());
  }
}
