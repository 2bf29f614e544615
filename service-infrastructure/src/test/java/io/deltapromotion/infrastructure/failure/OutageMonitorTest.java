package io.deltapromotion.infrastructure.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutageMonitorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final OutageMonitor monitor = new OutageMonitor(clock, Duration.ofMinutes(2));
  private final Failure warehouseDown = new Failure(Failure.Kind.OUTAGE, Dependency.WAREHOUSE, "connection refused");

  @Test
  void givenWorkFailingRepeatedlyWhenAskedThenItIsHeldUpSinceTheFirstFailureWithEveryAttemptCounted() {
    monitor.failed("qc-completed-2", warehouseDown);
    clock.advance(Duration.ofSeconds(30));
    monitor.failed("qc-completed-2", warehouseDown);

    assertThat(monitor.stalls()).singleElement().satisfies(stall -> {
      assertThat(stall.since()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
      assertThat(stall.attempts()).isEqualTo(2);
      assertThat(stall.dependency()).isEqualTo(Dependency.WAREHOUSE);
      assertThat(stall.duration(clock.instant())).isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void givenHeldUpWorkWhenItGoesThroughThenNothingIsHeldUp() {
    monitor.failed("qc-completed-2", warehouseDown);

    monitor.succeeded("qc-completed-2");

    assertThat(monitor.stalls()).isEmpty();
  }

  @Test
  void givenWorkThatStoppedReportingFailuresWhenItIsStaleThenItNoLongerCounts() {
    monitor.failed("qc-completed-2", warehouseDown);

    clock.advance(Duration.ofMinutes(3));

    assertThat(monitor.stalls()).isEmpty();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
