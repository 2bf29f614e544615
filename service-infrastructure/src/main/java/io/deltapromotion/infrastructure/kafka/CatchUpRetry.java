package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the state a new owner of partitions needs before it acts on them, as often as it takes: an outage
 * (the broker or the schema registry down) is waited out, with backoff, on the consumer's own thread, so
 * nothing is decided on state that was not read (the reading reports the outage to health). A consumer
 * being stopped ends the wait.
 */
public final class CatchUpRetry {

  private static final Logger log = LoggerFactory.getLogger(CatchUpRetry.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private CatchUpRetry() {}

  /**
   * Runs the catch-up until it completes.
   *
   * @param what what is read, for the log (e.g. "the state of partition(s) [1, 4] of [qc-completed]")
   */
  public static void untilDone(Runnable catchUp, Supplier<String> what) {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        catchUp.run();
        return;
      } catch (WakeupException | InterruptException stopping) {
        throw stopping;
      } catch (RuntimeException e) {
        log.warn("Reading {} before acting on it failed ({}); trying again in {}", what.get(), e.getMessage(), backoff);
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new InterruptException(interrupted);
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }
}
