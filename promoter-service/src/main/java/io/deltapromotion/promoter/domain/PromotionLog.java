package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the promoter knows, folded from its own PromotionDone topic, the QC reports and the operators'
 * commands: which version of each table every stage holds and since when, which versions it held
 * before (what a rollback returns to), which hops are over, which wait (for an approval or a soak time),
 * which versions passed QC and for which release, what operators approved or rejected, and where each
 * release order promoting several tables as one unit stands. Every entry
 * comes in through {@link #apply}, at start-up from the topics replayed to their end and then from every
 * outcome the promoter publishes, so the log holds only what the topics hold; applying an entry twice
 * changes nothing. Kept per table: tables are decided independently of one another. What it keeps of a
 * table is bounded (the newest entries of each kind, below), so its size grows with the number of
 * tables, not with their history.
 */
public final class PromotionLog {

  /** QC verdicts kept per table: enough to reach any version still climbing the ladder. */
  static final int VERDICTS_KEPT = 64;
  /** Earlier versions kept per table and stage, for rollbacks. */
  static final int HISTORY_KEPT = 64;
  /**
   * Final hops kept per table and stage. Per stage, so hops into one stage (e.g. a long run of versions
   * failing QC) never push out what is known of another (e.g. that a version held before was promoted
   * into the next stage once, then rolled back). As many as verdicts, so the hop of every version that may
   * still be decided is known to be over (a report older than the verdicts kept is not decided again:
   * {@link LadderPromoter#onReport}).
   */
  static final int HOPS_KEPT = VERDICTS_KEPT;
  /**
   * Operators' orders whose newest outcome is kept per table, so one delivered again is not carried out
   * twice and a release knows what each table answered.
   */
  static final int COMMANDS_KEPT = 64;
  /** Operators' decisions kept per table (one per version and stage). */
  static final int DECISIONS_KEPT = 64;

  /**
   * A version a stage holds or held.
   *
   * @param targetDeltaVersion the stage table's own Delta version that holds it (what a RESTORE returns to); may be null
   * @param since the outcome that put it there
   */
  public record Held(long version, Long targetDeltaVersion, RecordedOutcome since) {}

  /** Release orders kept once over (running ones are all kept). */
  static final int RELEASES_KEPT = 64;

  private final Map<TableName, TableState> tables = new HashMap<>();
  /** Every release order running, and the newest ones over. */
  private final Map<String, ReleaseOrder> releases = new LinkedHashMap<>();
  /** The release orders known to be over: once over, always over, whatever is forgotten of their tables later. */
  private final Set<String> releasesOver = new HashSet<>();

  public synchronized void apply(LogEntry entry) {
    if (entry instanceof ReleaseOrder order && !order.isPart()) {
      releases.putIfAbsent(order.releaseId(), order);
      noteIfOver(order.releaseId());
      forgetReleasesOver();
      return;
    }
    tables.computeIfAbsent(entry.source(), table -> new TableState()).apply(entry);
    if (entry instanceof ReleaseOrder part) {
      noteIfOver(part.releaseId());
    } else if (entry instanceof RecordedOutcome outcome && outcome.ordered() && outcome.causeEventId() != null) {
      noteIfOver(outcome.causeEventId());
    }
  }

  /**
   * Where the release order stands, from what the log tells of its tables: the phases ordered to them
   * and each one's newest outcome of it; empty when the order is unknown (or long over and forgotten).
   */
  public synchronized Optional<ReleaseCoordinator.State> releaseState(String releaseId) {
    return Optional.ofNullable(releases.get(releaseId)).map(this::stateOf);
  }

  /** The release orders not over yet, oldest first. */
  public synchronized List<ReleaseOrder> releasesRunning() {
    return releases.values().stream().filter(order -> !releasesOver.contains(order.releaseId())).toList();
  }

  /** The release order that holds the table (see {@link ReleaseCoordinator#holds}), if one does; the oldest if several. */
  public synchronized Optional<ReleaseOrder> releaseHolding(TableName source) {
    return releasesHolding(source).stream().findFirst();
  }

  /** Every release order that holds the table, oldest first. */
  public synchronized List<ReleaseOrder> releasesHolding(TableName source) {
    return releasesRunning().stream().filter(order -> ReleaseCoordinator.holds(stateOf(order), source)).toList();
  }

  /** The newest outcome the operator's order (or release order) led to for the table. */
  public synchronized Optional<RecordedOutcome> answerTo(String orderId, TableName source) {
    return read(source, table -> table.answerTo(orderId));
  }

  private ReleaseCoordinator.State stateOf(ReleaseOrder order) {
    Map<TableName, ReleaseCoordinator.Part> parts = new HashMap<>();
    Set<ReleaseCoordinator.Phase> ordered = EnumSet.noneOf(ReleaseCoordinator.Phase.class);
    for (TableName table : order.tables()) {
      TableState state = tables.get(table);
      if (state == null) {
        continue;
      }
      Set<ReleaseCoordinator.Phase> phases = state.phasesOrdered(order.releaseId());
      ordered.addAll(phases);
      state.answerTo(order.releaseId()).ifPresent(answer -> parts.put(table, ReleaseCoordinator.Part.of(answer, phases)));
    }
    return new ReleaseCoordinator.State(order.tables(), parts, ordered);
  }

  private void noteIfOver(String releaseId) {
    ReleaseOrder order = releases.get(releaseId);
    if (order != null && !releasesOver.contains(releaseId) && ReleaseCoordinator.isOver(stateOf(order))) {
      releasesOver.add(releaseId);
    }
  }

  private void forgetReleasesOver() {
    List<String> over = releases.keySet().stream().filter(releasesOver::contains).toList();
    for (String forgotten : over.subList(0, Math.max(0, over.size() - RELEASES_KEPT))) {
      releases.remove(forgotten);
      releasesOver.remove(forgotten);
    }
  }

  /** A person's decision about the version entering the stage; the newest one counts. */
  public synchronized Optional<OperatorDecision> decision(TableName source, long version, String stage) {
    return read(source, table -> table.decision(version, stage));
  }

  /** Whether the hop of that promotion into that stage has its final outcome. */
  public synchronized boolean isFinal(TableName source, String promotionId, String stage) {
    return tables.containsKey(source) && tables.get(source).isFinal(promotionId, stage);
  }

  /** Whether the operator's order (its event id) led to a final outcome about that table: it was carried out. */
  public synchronized boolean hasOutcomeCausedBy(String eventId, TableName source) {
    return tables.containsKey(source) && tables.get(source).hasOutcomeCausedBy(eventId);
  }

  public synchronized Optional<Held> held(TableName source, String stage) {
    return read(source, table -> table.held(stage));
  }

  /** The versions the stage held, oldest first, up to and including the one it holds now. */
  public synchronized List<Held> heldBefore(TableName source, String stage) {
    return tables.containsKey(source) ? tables.get(source).heldBefore(stage) : List.of();
  }

  /** The hop into that stage that waits, if any (at most one per table and stage: the newest). */
  public synchronized Optional<RecordedOutcome> waiting(TableName source, String stage) {
    return read(source, table -> table.waiting(stage));
  }

  public synchronized Optional<QcVerdict> verdict(TableName source, long version) {
    return read(source, table -> table.verdict(version));
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
    return read(source, TableState::newestReport);
  }

  /** The release's table versions (each table's newest version reported with that tag), by table name. */
  public synchronized List<QcVerdict> release(String releaseTag) {
    return tables.values().stream().map(table -> table.inRelease(releaseTag)).flatMap(Optional::stream)
        .sorted(Comparator.comparing(verdict -> verdict.source().toString())).toList();
  }

  /** Every source table a stage holds a version of, or a hop waits for. */
  public synchronized List<TableName> tables() {
    return tables.entrySet().stream().filter(table -> table.getValue().isOnTheLadder()).map(Map.Entry::getKey).toList();
  }

  public synchronized int finalHopCount() {
    return tables.values().stream().mapToInt(TableState::finalHopCount).sum();
  }

  private <T> Optional<T> read(TableName source, Function<TableState, Optional<T>> query) {
    TableState table = tables.get(source);
    return table == null ? Optional.empty() : query.apply(table);
  }
}
