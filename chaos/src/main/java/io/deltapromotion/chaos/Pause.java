package io.deltapromotion.chaos;

import java.time.Duration;

/** The suite's only sleeps: a fault that lasts a given time, and the pace of polling for a condition. */
final class Pause {

  private Pause() {}

  static void of(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
