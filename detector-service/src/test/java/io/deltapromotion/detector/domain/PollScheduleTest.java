package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  private static final CycleOutcome CLEAN = new CycleOutcome(List.of(), 0, null);
  private static final CycleOutcome FAILED = new CycleOutcome(List.of(), 2, "connection refused");

  @Test
  void givenCleanCycles_whenScheduled_thenThePauseIsTheIntervalSpreadByTheJitter() {
    assertThat(schedule(0.0).after(CLEAN)).isEqualTo(Duration.ofMillis(27_000));
    assertThat(schedule(0.5).after(CLEAN)).isEqualTo(Duration.ofSeconds(30));
    assertThat(schedule(0.999).after(CLEAN)).isBetween(Duration.ofMillis(32_990), Duration.ofSeconds(33));
  }

  @Test
  void givenFailedCyclesInARow_whenScheduled_thenThePauseDoublesUpToTheMaximumAndResetsAfterACleanOne() {
    PollSchedule schedule = schedule(0.5);

    assertThat(List.of(schedule.after(FAILED), schedule.after(FAILED), schedule.after(FAILED), schedule.after(FAILED),
        schedule.after(FAILED), schedule.after(CLEAN)))
        .extracting(Duration::toSeconds).containsExactly(60L, 120L, 240L, 300L, 300L, 30L);
  }

  @Test
  void givenAStart_whenScheduled_thenTheFirstCycleWaitsAtMostTheJitteredPart() {
    assertThat(schedule(0.5).first()).isEqualTo(Duration.ofMillis(1_500));
  }

  private static PollSchedule schedule(double random) {
    return new PollSchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 0.1, () -> random);
  }
}
