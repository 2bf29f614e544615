package io.deltapromotion.detector.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When the next detection cycle runs: one poll interval after the last, spread by a random jitter so
 * detectors (and their reads) do not fall into step; after a cycle in which the warehouse failed, the
 * pause doubles with each failed cycle in a row, up to a maximum, so a struggling warehouse is not
 * hammered. A clean cycle resets it.
 */
public final class PollSchedule {

  private final Duration interval;
  private final Duration maxBackoff;
  private final double jitter;
  private final DoubleSupplier random;
  private int failedCyclesInARow;

  /**
   * @param jitter the fraction of the pause to spread it by, up or down (0.1: ±10%)
   * @param random uniform values in [0, 1)
   */
  public PollSchedule(Duration interval, Duration maxBackoff, double jitter, DoubleSupplier random) {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
    this.interval = interval;
    this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
    this.jitter = jitter;
    this.random = random;
  }

  /** The pause before the next cycle, given how the last one went. */
  public synchronized Duration after(CycleOutcome last) {
    failedCyclesInARow = last.failedReads() > 0 ? failedCyclesInARow + 1 : 0;
    return spread(base());
  }

  /** The pause before the first cycle: a random part of one interval, so restarted detectors spread out. */
  public Duration first() {
    return Duration.ofMillis((long) (interval.toMillis() * jitter * random.getAsDouble()));
  }

  private Duration base() {
    if (failedCyclesInARow == 0) {
      return interval;
    }
    Duration doubled = interval.multipliedBy(1L << Math.min(failedCyclesInARow, 20));
    return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
  }

  private Duration spread(Duration base) {
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }
}
