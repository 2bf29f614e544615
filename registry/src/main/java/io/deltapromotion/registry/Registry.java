package io.deltapromotion.registry;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The registry as a fold over the event log. Each column comes from one topic (pre-prod version from
 * TableChanged, QC verdict from QcCompleted, each stage's version and promotion status from PromotionDone), so
 * applying each topic in its own order gives the same result however the topics interleave. Applying
 * an event twice changes nothing. The one exception, the target (the stage the detector announces for,
 * whose version is the drift baseline), is carried by both TableChanged and the QcCompleted that answers
 * it, with the same value: a reader of QcCompleted and PromotionDone alone (qc-service) knows it too.
 */
public final class Registry {

  /** Row counts kept per table: enough to reach back to the version prod holds in any normal flow. */
  static final int ROW_COUNTS_KEPT = 64;

  private final Map<String, RegistryEntry> entries = new TreeMap<>();
  private final Map<String, TreeMap<Long, Long>> rowCounts = new HashMap<>();
  /** Per table, when the newest announcement, report and outcome applied occurred: an older one read later is a redelivery. */
  private final Map<String, Instant> announcedAt = new HashMap<>();
  private final Map<String, Instant> reportedAt = new HashMap<>();
  private final Map<String, Instant> decidedAt = new HashMap<>();

  public void apply(TableChanged event) {
    if (!newest(announcedAt, event.getSourceTable(), event.getEnvelope().getOccurredAt())) {
      return;
    }
    update(event.getSourceTable(), entry -> entry.withAnnouncement(event.getTargetTable(),
        event.getTargetEnvironment(), event.getSourceVersion(), event.getChangeCategory().name(), event.getReleaseTag(),
        event.getEnvelope().getOccurredAt()));
  }

  public void apply(QcCompleted event) {
    if (event.getVersion() != null && event.getRowCount() != null) {
      TreeMap<Long, Long> counts = rowCounts.computeIfAbsent(event.getTable(), table -> new TreeMap<>());
      counts.put(event.getVersion(), event.getRowCount());
      if (counts.size() > ROW_COUNTS_KEPT) {
        counts.pollFirstEntry();
      }
    }
    if (newest(reportedAt, event.getTable(), event.getEnvelope().getOccurredAt())) {
      update(event.getTable(), entry -> entry.withQc(event.getStatus().name(), event.getVersion(),
          event.getEnvelope().getOccurredAt()));
    }
    if (event.getTargetEnvironment() != null) {
      update(event.getTable(), entry -> entry.withTarget(event.getTargetTable(), event.getTargetEnvironment()));
    }
  }

  /**
   * PROMOTED and ROLLED_BACK set the version of the event's stage (targetEnvironment) to its source
   * version (a ROLLED_BACK to nothing clears it); the other outcomes leave it, except that they fill it in
   * from the version the stage's table was seen holding.
   */
  public void apply(PromotionDone event) {
    if (!newest(decidedAt, event.getSourceTable(), event.getEnvelope().getOccurredAt())) {
      return;
    }
    update(event.getSourceTable(), entry -> {
      Map<String, Long> stages = new HashMap<>(entry.stageVersions());
      String stage = event.getTargetEnvironment();
      if (event.getStatus() == PromotionStatus.PROMOTED || event.getStatus() == PromotionStatus.ROLLED_BACK) {
        if (event.getSourceVersion() == null) {
          stages.remove(stage);
        } else {
          stages.put(stage, event.getSourceVersion());
        }
      } else if (!stages.containsKey(stage) && event.getPreviousPromotedVersion() != null) {
        stages.put(stage, event.getPreviousPromotedVersion());
      }
      return entry.withPromotion(event.getStatus().name(), event.getSourceVersion(), stages, event.getError(),
          event.getEnvelope().getOccurredAt());
    });
  }

  /**
   * Whether the event is the table's newest of its kind so far (and notes it): one table's events of a
   * topic are read in order, so an older one read after a newer one is a copy delivered again, and must
   * not set the entry back.
   */
  private static boolean newest(Map<String, Instant> newestAt, String table, Instant occurredAt) {
    Instant before = newestAt.get(table);
    if (before != null && occurredAt.isBefore(before)) {
      return false;
    }
    newestAt.put(table, occurredAt);
    return true;
  }

  /** Applies any of the three events; ignores anything else. */
  public void apply(Object event) {
    if (event instanceof TableChanged changed) {
      apply(changed);
    } else if (event instanceof QcCompleted report) {
      apply(report);
    } else if (event instanceof PromotionDone done) {
      apply(done);
    }
  }

  /**
   * Applies the event if it occurred at or before the instant (null: always), so a fold of the whole log
   * is the registry as it stood then.
   */
  public void applyUpTo(Object event, Instant at) {
    if (at == null || !occurredAt(event).map(at::isBefore).orElse(false)) {
      apply(event);
    }
  }

  private static Optional<Instant> occurredAt(Object event) {
    if (event instanceof TableChanged changed) {
      return Optional.of(changed.getEnvelope().getOccurredAt());
    }
    if (event instanceof QcCompleted report) {
      return Optional.of(report.getEnvelope().getOccurredAt());
    }
    if (event instanceof PromotionDone done) {
      return Optional.of(done.getEnvelope().getOccurredAt());
    }
    return Optional.empty();
  }

  /** The table's entry, if any event named it. */
  public Optional<RegistryEntry> entry(String sourceTable) {
    return Optional.ofNullable(entries.get(sourceTable));
  }

  /**
   * The version the table's target (the stage QC compares with) holds and its row count as QC measured
   * it, when both are known.
   */
  public Optional<PromotedVersion> lastPromoted(String sourceTable) {
    RegistryEntry entry = entries.get(sourceTable);
    if (entry == null || entry.prodVersion() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(rowCounts.get(sourceTable)).map(counts -> counts.get(entry.prodVersion()))
        .map(rows -> new PromotedVersion(entry.prodVersion(), rows));
  }

  /** A source version prod holds, with the row count QC measured for it. */
  public record PromotedVersion(long version, long rowCount) {}

  /** Every table, by source table name. */
  public List<RegistryEntry> entries() {
    return List.copyOf(entries.values());
  }

  private void update(String sourceTable, UnaryOperator<RegistryEntry> change) {
    entries.put(sourceTable, change.apply(entries.getOrDefault(sourceTable, RegistryEntry.empty(sourceTable))));
  }
}
