package io.deltapromotion.infrastructure.failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a service's work is held up by an outage right now, since when and why: each partition whose
 * event is being retried, each loop of the service's own (a detection cycle, a replay) that keeps
 * failing. What the service's health reports, and what people are alerted about once it lasts. Work
 * that has not reported a failure for {@code staleAfter} (its partition moved to another consumer, say)
 * no longer counts as held up.
 */
public final class OutageMonitor {

  /**
   * Work held up by an outage.
   *
   * @param work what is held up, e.g. {@code delta-promotion.qc-completed-3} or {@code detection cycle}
   * @param since the first failure of this stretch
   * @param attempts failed attempts since then
   * @param lastFailureAt the latest failure
   */
  public record Stall(String work, Dependency dependency, Instant since, long attempts, String lastError,
      Instant lastFailureAt) {

    public Duration duration(Instant now) {
      return Duration.between(since, now);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(OutageMonitor.class);

  private final Clock clock;
  private final Duration staleAfter;
  private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

  public OutageMonitor(Clock clock, Duration staleAfter) {
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /**
   * The work failed and will be retried. A failure that reads as bad input here (the work is a loop of
   * the service's own, not an event that can be set aside) counts as an unexpected error.
   */
  public void failed(String work, Failure failure) {
    Dependency dependency = failure.dependency() == null ? Dependency.UNKNOWN : failure.dependency();
    Instant now = clock.instant();
    Stall before = stalls.get(work);
    Stall after = before == null || isStale(before, now)
        ? new Stall(work, dependency, now, 1, failure.reason(), now)
        : new Stall(work, dependency, before.since(), before.attempts() + 1, failure.reason(), now);
    stalls.put(work, after);
    if (after.attempts() == 1) {
      log.warn("{} is held up: {} failed ({}); retrying with backoff until it is back", work,
          dependency.description(), failure.reason());
    }
  }

  /** The work went through: whatever held it up is over. */
  public void succeeded(String work) {
    Stall over = stalls.remove(work);
    if (over != null) {
      log.info("{} goes on again after {} ({} failed attempt(s) while {} was down)", work,
          over.duration(clock.instant()).withNanos(0), over.attempts(), over.dependency().description());
    }
  }

  /** The work held up now, longest first. */
  public List<Stall> stalls() {
    Instant now = clock.instant();
    stalls.values().removeIf(stall -> isStale(stall, now));
    return stalls.values().stream().sorted(Comparator.comparing(Stall::since)).toList();
  }

  private boolean isStale(Stall stall, Instant now) {
    return stall.lastFailureAt().plus(staleAfter).isBefore(now);
  }
}
