package io.deltapromotion.promoter.messaging;

import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.RebaselineCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The progress of the rebaselines this promoter ran since it started (the newest {@value #KEPT}): how many
 * of their tables are done, and which failed. Also logged as each table finishes.
 */
@Component
public class RebaselineRuns {

  static final int KEPT = 20;
  private static final Logger log = LoggerFactory.getLogger(RebaselineRuns.class);

  /**
   * One rebaseline's progress.
   *
   * @param done tables cloned or failed so far, of {@code of}
   * @param failed each failed table and why
   * @param finishedAt null while it runs
   */
  public record Run(String commandId, String tag, String into, String actor, int of, int done, List<String> failed,
      Instant startedAt, Instant finishedAt) {}

  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Clock clock = Clock.systemUTC();

  synchronized void started(RebaselineCommand command) {
    runs.put(command.commandId(), new Run(command.commandId(), command.tag(), command.into().toString(), command.actor(),
        command.items().size(), 0, List.of(), clock.instant(), null));
    while (runs.size() > KEPT) {
      runs.remove(runs.keySet().iterator().next());
    }
    log.info("Rebaseline {}: cloning {} table(s) into {}, ordered by {}", command.tag(), command.items().size(),
        command.into(), command.actor());
  }

  synchronized void tableDone(String commandId, int done, int of, Hop outcome) {
    Run run = runs.get(commandId);
    if (run == null) {
      return;
    }
    List<String> failed = new ArrayList<>(run.failed());
    if (outcome.outcome().status() != PromotionStatus.PROMOTED) {
      failed.add(outcome.target() + ": " + outcome.outcome().message());
    }
    runs.put(commandId, new Run(run.commandId(), run.tag(), run.into(), run.actor(), of, done, List.copyOf(failed),
        run.startedAt(), done == of ? clock.instant() : null));
    log.info("Rebaseline {}: {} of {} table(s) done ({} {} -> {})", run.tag(), done, of, outcome.outcome().status(),
        outcome.source(), outcome.target());
  }

  public synchronized List<Run> all() {
    return List.copyOf(runs.values());
  }
}
