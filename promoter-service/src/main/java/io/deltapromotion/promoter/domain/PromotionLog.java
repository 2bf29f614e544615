package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the promoter knows, folded from its own PromotionDone topic, the QC reports and the operators'
 * commands: which version of each table every stage holds and since when, which versions it held
 * before (what a rollback returns to), which hops are over, which wait (for an approval or a soak time),
 * which versions passed QC and for which release, and what operators approved or rejected. Rebuilt at
 * start-up by replaying the topics to their end, then kept current with every outcome the promoter
 * publishes; applying an event twice changes nothing.
 */
public final class PromotionLog {

  /** QC verdicts kept per table: enough to reach any version still climbing the ladder. */
  static final int VERDICTS_KEPT = 64;
  /** Earlier versions kept per table and stage, for rollbacks. */
  static final int HISTORY_KEPT = 64;

  /**
   * A version a stage holds or held.
   *
   * @param targetDeltaVersion the stage table's own Delta version that holds it (what a RESTORE returns to); may be null
   * @param since the outcome that put it there
   */
  public record Held(long version, Long targetDeltaVersion, RecordedOutcome since) {}

  private final Set<String> finalHops = new HashSet<>();
  private final Set<String> causes = new HashSet<>();
  private final Map<TableName, Map<String, Held>> held = new HashMap<>();
  private final Map<TableName, Map<String, List<Held>>> promotedBefore = new HashMap<>();
  private final Map<TableName, Map<String, RecordedOutcome>> waiting = new HashMap<>();
  private final Map<TableName, TreeMap<Long, QcVerdict>> verdicts = new HashMap<>();
  private final Map<String, OperatorDecision> decisions = new HashMap<>();

  public synchronized void apply(RecordedOutcome outcome) {
    Map<String, RecordedOutcome> tableWaiting = waiting.computeIfAbsent(outcome.source(), table -> new HashMap<>());
    if (!outcome.isFinal()) {
      if (!finalHops.contains(key(outcome.promotionId(), outcome.stage()))) {
        tableWaiting.put(outcome.stage(), outcome);
      }
      return;
    }
    finalHops.add(key(outcome.promotionId(), outcome.stage()));
    if (outcome.causeEventId() != null) {
      causes.add(outcome.causeEventId());
      causes.add(outcome.causeEventId() + "@" + outcome.source());
    }
    RecordedOutcome waits = tableWaiting.get(outcome.stage());
    if (waits != null && waits.promotionId().equals(outcome.promotionId())) {
      tableWaiting.remove(outcome.stage());
    }
    if (outcome.version() == null) {
      return;
    }
    if (outcome.status() == PromotionStatus.PROMOTED) {
      hold(outcome);
    } else if (outcome.status() == PromotionStatus.ROLLED_BACK) {
      returnTo(outcome);
    }
  }

  private void hold(RecordedOutcome outcome) {
    Held now = new Held(outcome.version(), outcome.targetDeltaVersion(), outcome);
    Held before = held.computeIfAbsent(outcome.source(), table -> new HashMap<>()).put(outcome.stage(), now);
    List<Held> history = history(outcome.source(), outcome.stage());
    if (before != null && before.version() == now.version() && !history.isEmpty()) {
      history.remove(history.size() - 1);
    }
    history.add(now);
    if (history.size() > HISTORY_KEPT) {
      history.remove(0);
    }
  }

  /** A rollback: the stage holds an earlier version again, and what came after it is no longer "before". */
  private void returnTo(RecordedOutcome outcome) {
    List<Held> history = history(outcome.source(), outcome.stage());
    int index = lastIndexOf(history, outcome.version());
    if (index >= 0) {
      history.subList(index + 1, history.size()).clear();
    } else {
      history.add(new Held(outcome.version(), outcome.targetDeltaVersion(), outcome));
    }
    held.computeIfAbsent(outcome.source(), table -> new HashMap<>())
        .put(outcome.stage(), new Held(outcome.version(), outcome.targetDeltaVersion(), outcome));
  }

  public synchronized void applyQc(QcVerdict verdict) {
    TreeMap<Long, QcVerdict> tableVerdicts = verdicts.computeIfAbsent(verdict.source(), table -> new TreeMap<>());
    tableVerdicts.put(verdict.version(), verdict);
    if (tableVerdicts.size() > VERDICTS_KEPT) {
      tableVerdicts.pollFirstEntry();
    }
  }

  /** A person's decision about the version entering the stage; the newest one counts. */
  public synchronized void applyDecision(OperatorDecision decision) {
    decisions.put(decisionKey(decision.source(), decision.version(), decision.stage()), decision);
  }

  public synchronized Optional<OperatorDecision> decision(TableName source, long version, String stage) {
    return Optional.ofNullable(decisions.get(decisionKey(source, version, stage)));
  }

  /** Whether the hop of that promotion into that stage has its final outcome. */
  public synchronized boolean isFinal(String promotionId, String stage) {
    return finalHops.contains(key(promotionId, stage));
  }

  /** Whether some final outcome was caused by that event (e.g. an operator's command was carried out). */
  public synchronized boolean hasOutcomeCausedBy(String eventId) {
    return causes.contains(eventId);
  }

  /** Whether some final outcome about that table was caused by that event. */
  public synchronized boolean hasOutcomeCausedBy(String eventId, TableName source) {
    return causes.contains(eventId + "@" + source);
  }

  public synchronized Optional<Held> held(TableName source, String stage) {
    return Optional.ofNullable(held.getOrDefault(source, Map.of()).get(stage));
  }

  /** The versions the stage held, oldest first, up to and including the one it holds now. */
  public synchronized List<Held> heldBefore(TableName source, String stage) {
    return List.copyOf(promotedBefore.getOrDefault(source, Map.of()).getOrDefault(stage, List.of()));
  }

  /** The hop into that stage that waits, if any (at most one per table and stage: the newest). */
  public synchronized Optional<RecordedOutcome> waiting(TableName source, String stage) {
    return Optional.ofNullable(waiting.getOrDefault(source, Map.of()).get(stage));
  }

  public synchronized Optional<QcVerdict> verdict(TableName source, long version) {
    return Optional.ofNullable(verdicts.getOrDefault(source, new TreeMap<>()).get(version));
  }

  /** Whether QC passed that version; empty when no report for it is known. */
  public synchronized Optional<Boolean> qcPassed(TableName source, long version) {
    return verdict(source, version).map(QcVerdict::passed);
  }

  /** When QC reported on that version: when it became a candidate in the first stage. */
  public synchronized Optional<Instant> reportedAt(TableName source, long version) {
    return verdict(source, version).map(QcVerdict::reportedAt);
  }

  /** The newest reported version of the table. */
  public synchronized Optional<QcVerdict> newestReport(TableName source) {
    return Optional.ofNullable(verdicts.get(source)).filter(table -> !table.isEmpty()).map(table -> table.lastEntry().getValue());
  }

  /** The release's table versions (each table's newest version reported with that tag), by table name. */
  public synchronized List<QcVerdict> release(String releaseTag) {
    List<QcVerdict> release = new ArrayList<>();
    verdicts.values().forEach(table -> table.descendingMap().values().stream()
        .filter(verdict -> releaseTag.equals(verdict.releaseTag())).findFirst().ifPresent(release::add));
    release.sort(Comparator.comparing(verdict -> verdict.source().toString()));
    return release;
  }

  /** Every source table a stage holds a version of, or a hop waits for. */
  public synchronized List<TableName> tables() {
    Set<TableName> tables = new HashSet<>(held.keySet());
    waiting.forEach((table, hops) -> {
      if (!hops.isEmpty()) {
        tables.add(table);
      }
    });
    return new ArrayList<>(tables);
  }

  public synchronized int finalHopCount() {
    return finalHops.size();
  }

  private List<Held> history(TableName source, String stage) {
    return promotedBefore.computeIfAbsent(source, table -> new HashMap<>()).computeIfAbsent(stage, name -> new ArrayList<>());
  }

  private static int lastIndexOf(List<Held> history, long version) {
    for (int index = history.size() - 1; index >= 0; index--) {
      if (history.get(index).version() == version) {
        return index;
      }
    }
    return -1;
  }

  private static String decisionKey(TableName source, long version, String stage) {
    return source + "@" + version + "@" + stage;
  }

  private static String key(String promotionId, String stage) {
    return promotionId + "@" + stage;
  }
}
