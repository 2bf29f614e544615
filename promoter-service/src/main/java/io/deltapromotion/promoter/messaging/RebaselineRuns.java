package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The progress of the newest {@value #KEPT} rebaselines, folded from the log (the operators' commands and
 * the outcomes they caused), so every promoter answers alike, whichever instances cloned the tables:
 * how many of each rebaseline's tables are done, and which failed.
 */
@Component
public class RebaselineRuns {

  static final int KEPT = 20;

  /**
   * Outcomes read before the command that caused them, kept for this many causes (the oldest cause is
   * dropped first). The command and its outcomes are on different topics, which one consumer does not
   * read in the order they were written; the skew is one fetch, far below this bound.
   */
  static final int UNCLAIMED_CAUSES_KEPT = 1000;

  /**
   * One rebaseline's progress.
   *
   * @param done tables cloned or failed so far, of {@code of}
   * @param failed each failed table and why
   * @param finishedAt null while it runs
   */
  public record Run(String commandId, String tag, String into, String actor, int of, int done, List<String> failed,
      Instant startedAt, Instant finishedAt) {}

  /** What is folded per rebaseline: the order, then each table's outcome once. */
  private record Folded(Run started, Map<String, PromotionDone> outcomes) {}

  private final Map<String, Folded> runs = new LinkedHashMap<>();
  private final Map<String, Map<String, PromotionDone>> unclaimed = new LinkedHashMap<>();

  /** Folds one event of the promotion log's topics in; applying one twice changes nothing. */
  synchronized void apply(Object event) {
    if (event instanceof OperatorCommand command && command.getAction() == CommandAction.REBASELINE
        && command.getPartOf() == null) {
      String id = command.getEnvelope().getEventId().toString();
      if (!runs.containsKey(id)) {
        Map<String, PromotionDone> outcomes = new LinkedHashMap<>(unclaimed.getOrDefault(id, Map.of()));
        unclaimed.remove(id);
        runs.put(id, new Folded(new Run(id, command.getReleaseTag(), command.getTargetSchema(), command.getActor(),
            command.getItems().size(), 0, List.of(), command.getEnvelope().getOccurredAt(), null), outcomes));
      }
      dropOldest(runs, KEPT);
    } else if (event instanceof PromotionDone done && done.getEnvelope().getCausationId() != null) {
      String cause = done.getEnvelope().getCausationId().toString();
      Folded run = runs.get(cause);
      Map<String, PromotionDone> outcomes = run != null ? run.outcomes() : unclaimed.computeIfAbsent(cause, id -> new LinkedHashMap<>());
      outcomes.putIfAbsent(done.getTargetTable(), done);
      dropOldest(unclaimed, UNCLAIMED_CAUSES_KEPT);
    }
  }

  private static void dropOldest(Map<String, ?> byAge, int kept) {
    while (byAge.size() > kept) {
      byAge.remove(byAge.keySet().iterator().next());
    }
  }

  /** The progress of one rebaseline, when it is among the newest. */
  public synchronized Optional<Run> of(String commandId) {
    return Optional.ofNullable(runs.get(commandId)).map(RebaselineRuns::progress);
  }

  public synchronized List<Run> all() {
    return runs.values().stream().map(RebaselineRuns::progress).toList();
  }

  private static Run progress(Folded folded) {
    Run run = folded.started();
    List<String> failed = new ArrayList<>();
    Instant last = null;
    for (PromotionDone outcome : folded.outcomes().values()) {
      if (outcome.getStatus() != PromotionStatus.PROMOTED) {
        failed.add(outcome.getTargetTable() + ": " + outcome.getError());
      }
      last = last == null || outcome.getEnvelope().getOccurredAt().isAfter(last) ? outcome.getEnvelope().getOccurredAt() : last;
    }
    int done = folded.outcomes().size();
    return new Run(run.commandId(), run.tag(), run.into(), run.actor(), run.of(), done, List.copyOf(failed),
        run.startedAt(), done >= run.of() ? last : null);
  }
}
