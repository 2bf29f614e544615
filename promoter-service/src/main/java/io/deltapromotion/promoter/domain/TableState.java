package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.state.RecentKeys;
import io.deltapromotion.promoter.domain.PromotionLog.Held;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the promotion log knows about one first-stage table, folded from the entries about it in the
 * order the log holds them. Applying an entry twice changes nothing. Bounded whatever the table's history:
 * every collection keeps its newest entries only (the bounds are {@link PromotionLog}'s). Not
 * thread-safe: the {@link PromotionLog} guards it.
 */
final class TableState {

  /** One version of the table entering one stage. */
  private record DecisionKey(long version, String stage) {}

  /** Per stage, the promotions whose hop into it is over. */
  private final Map<String, RecentKeys<String>> finalHops = new HashMap<>();
  private final Map<String, Held> held = new HashMap<>();
  private final Map<String, List<Held>> heldBefore = new HashMap<>();
  private final Map<String, RecordedOutcome> waiting = new HashMap<>();
  private final TreeMap<Long, QcVerdict> verdicts = new TreeMap<>();
  private final Map<DecisionKey, OperatorDecision> decisions = newest(PromotionLog.DECISIONS_KEPT);
  /** Per operator's order (its event id), the newest outcome it led to for this table. */
  private final Map<String, RecordedOutcome> answers = newest(PromotionLog.COMMANDS_KEPT);
  /** Per release order, the phases ordered for this table. */
  private final Map<String, Set<Phase>> phasesOrdered = newest(PromotionLog.COMMANDS_KEPT);

  void apply(LogEntry entry) {
    if (entry instanceof RecordedOutcome outcome) {
      apply(outcome);
    } else if (entry instanceof QcVerdict verdict) {
      verdicts.put(verdict.version(), verdict);
      if (verdicts.size() > PromotionLog.VERDICTS_KEPT) {
        verdicts.pollFirstEntry();
      }
    } else if (entry instanceof OperatorDecision decision) {
      decisions.put(new DecisionKey(decision.version(), decision.stage()), decision);
    } else if (entry instanceof ReleaseOrder part && part.isPart()) {
      phasesOrdered.computeIfAbsent(part.releaseId(), id -> EnumSet.noneOf(Phase.class)).add(part.phase());
    }
  }

  private void apply(RecordedOutcome outcome) {
    if (outcome.ordered() && outcome.causeEventId() != null) {
      answers.put(outcome.causeEventId(), outcome);
    }
    if (outcome.waitingFor() instanceof Wait.Release) {
      // The release's, not the ladder's: its own orders decide it (see PromotionLog#releaseState).
      return;
    }
    RecentKeys<String> over = finalHops.computeIfAbsent(outcome.stage(), stage -> new RecentKeys<>(PromotionLog.HOPS_KEPT));
    if (!outcome.isFinal()) {
      if (!over.contains(outcome.promotionId())) {
        waiting.put(outcome.stage(), outcome);
      }
      return;
    }
    over.add(outcome.promotionId());
    RecordedOutcome waits = waiting.get(outcome.stage());
    if (waits != null && waits.promotionId().equals(outcome.promotionId())) {
      waiting.remove(outcome.stage());
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
    Held before = held.put(outcome.stage(), now);
    List<Held> history = history(outcome.stage());
    if (before != null && before.version() == now.version() && !history.isEmpty()) {
      history.remove(history.size() - 1);
    }
    history.add(now);
    if (history.size() > PromotionLog.HISTORY_KEPT) {
      history.remove(0);
    }
  }

  /** A rollback: the stage holds an earlier version again, and what came after it is no longer "before". */
  private void returnTo(RecordedOutcome outcome) {
    List<Held> history = history(outcome.stage());
    int index = lastIndexOf(history, outcome.version());
    if (index >= 0) {
      history.subList(index + 1, history.size()).clear();
    } else {
      history.add(new Held(outcome.version(), outcome.targetDeltaVersion(), outcome));
    }
    held.put(outcome.stage(), new Held(outcome.version(), outcome.targetDeltaVersion(), outcome));
  }

  /** The newest outcome the operator's order led to for this table. */
  Optional<RecordedOutcome> answerTo(String orderId) {
    return Optional.ofNullable(answers.get(orderId));
  }

  Set<Phase> phasesOrdered(String releaseId) {
    return phasesOrdered.getOrDefault(releaseId, Set.of());
  }

  Optional<OperatorDecision> decision(long version, String stage) {
    return Optional.ofNullable(decisions.get(new DecisionKey(version, stage)));
  }

  boolean isFinal(String promotionId, String stage) {
    RecentKeys<String> over = finalHops.get(stage);
    return over != null && over.contains(promotionId);
  }

  boolean hasOutcomeCausedBy(String eventId) {
    return answerTo(eventId).filter(RecordedOutcome::isFinal).isPresent();
  }

  Optional<Held> held(String stage) {
    return Optional.ofNullable(held.get(stage));
  }

  List<Held> heldBefore(String stage) {
    return List.copyOf(heldBefore.getOrDefault(stage, List.of()));
  }

  Optional<RecordedOutcome> waiting(String stage) {
    return Optional.ofNullable(waiting.get(stage));
  }

  Optional<QcVerdict> verdict(long version) {
    return Optional.ofNullable(verdicts.get(version));
  }

  Optional<QcVerdict> newestReport() {
    return verdicts.isEmpty() ? Optional.empty() : Optional.of(verdicts.lastEntry().getValue());
  }

  /** The newest version reported with that release tag. */
  Optional<QcVerdict> inRelease(String releaseTag) {
    return verdicts.descendingMap().values().stream().filter(verdict -> releaseTag.equals(verdict.releaseTag())).findFirst();
  }

  /** Whether a stage holds a version of the table or a hop of it waits. */
  boolean isOnTheLadder() {
    return !held.isEmpty() || !waiting.isEmpty();
  }

  int finalHopCount() {
    return finalHops.values().stream().mapToInt(RecentKeys::size).sum();
  }

  /** A map that keeps its newest {@code kept} entries. */
  private static <K, V> Map<K, V> newest(int kept) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > kept;
      }
    };
  }

  private List<Held> history(String stage) {
    return heldBefore.computeIfAbsent(stage, name -> new ArrayList<>());
  }

  private static int lastIndexOf(List<Held> history, long version) {
    for (int index = history.size() - 1; index >= 0; index--) {
      if (history.get(index).version() == version) {
        return index;
      }
    }
    return -1;
  }
}
