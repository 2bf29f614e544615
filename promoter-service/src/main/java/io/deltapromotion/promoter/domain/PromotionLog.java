package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the promoter knows, folded from its own PromotionDone topic and the QC reports: which version
 * of each table every stage holds and since when, which hops are over, which wait (for an approval or a
 * soak time), which versions passed QC, and what operators approved or rejected. Rebuilt at start-up by replaying both topics to their end,
 * then kept current with every outcome the promoter publishes; applying an event twice changes nothing.
 */
public final class PromotionLog {

  /** QC verdicts kept per table: enough to reach any version still climbing the ladder. */
  static final int VERDICTS_KEPT = 64;

  /** A version a stage holds, and the outcome that put it there. */
  public record Held(long version, RecordedOutcome since) {}

  private final Set<String> finalHops = new HashSet<>();
  private final Map<TableName, Map<String, Held>> held = new HashMap<>();
  private final Map<TableName, Map<String, RecordedOutcome>> waiting = new HashMap<>();
  private final Map<TableName, TreeMap<Long, Verdict>> verdicts = new HashMap<>();
  private final Map<String, OperatorDecision> decisions = new HashMap<>();

  private record Verdict(boolean passed, Instant reportedAt) {}

  public synchronized void apply(RecordedOutcome outcome) {
    Map<String, RecordedOutcome> tableWaiting = waiting.computeIfAbsent(outcome.source(), table -> new HashMap<>());
    if (!outcome.isFinal()) {
      if (!finalHops.contains(key(outcome.promotionId(), outcome.stage()))) {
        tableWaiting.put(outcome.stage(), outcome);
      }
      return;
    }
    finalHops.add(key(outcome.promotionId(), outcome.stage()));
    RecordedOutcome waits = tableWaiting.get(outcome.stage());
    if (waits != null && waits.promotionId().equals(outcome.promotionId())) {
      tableWaiting.remove(outcome.stage());
    }
    if (outcome.status() == PromotionStatus.PROMOTED && outcome.version() != null) {
      held.computeIfAbsent(outcome.source(), table -> new HashMap<>()).put(outcome.stage(), new Held(outcome.version(), outcome));
    }
  }

  public synchronized void applyQc(TableName source, long version, boolean passed, Instant reportedAt) {
    TreeMap<Long, Verdict> tableVerdicts = verdicts.computeIfAbsent(source, table -> new TreeMap<>());
    tableVerdicts.put(version, new Verdict(passed, reportedAt));
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

  public synchronized Optional<Held> held(TableName source, String stage) {
    return Optional.ofNullable(held.getOrDefault(source, Map.of()).get(stage));
  }

  /** The hop into that stage that waits, if any (at most one per table and stage: the newest). */
  public synchronized Optional<RecordedOutcome> waiting(TableName source, String stage) {
    return Optional.ofNullable(waiting.getOrDefault(source, Map.of()).get(stage));
  }

  /** Whether QC passed that version; empty when no report for it is known. */
  public synchronized Optional<Boolean> qcPassed(TableName source, long version) {
    return Optional.ofNullable(verdicts.getOrDefault(source, new TreeMap<>()).get(version)).map(Verdict::passed);
  }

  /** When QC reported on that version: when it became a candidate in the first stage. */
  public synchronized Optional<Instant> reportedAt(TableName source, long version) {
    return Optional.ofNullable(verdicts.getOrDefault(source, new TreeMap<>()).get(version)).map(Verdict::reportedAt);
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

  private static String decisionKey(TableName source, long version, String stage) {
    return source + "@" + version + "@" + stage;
  }

  private static String key(String promotionId, String stage) {
    return promotionId + "@" + stage;
  }
}
