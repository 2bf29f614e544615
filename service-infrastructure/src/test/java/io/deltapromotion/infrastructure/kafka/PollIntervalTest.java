package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollIntervalTest {

  @Test
  void givenKafkasDefaultIntervalAndAScanThatMayRunTenMinutesWhenCheckedThenTheServiceRefusesToStart() {
    assertThatThrownBy(() -> PollInterval.requireLongerThan(Map.of(), Duration.ofMinutes(10), "an audit's scan"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("max.poll.interval.ms is 300000 ms, but one event may take 600000 ms (an audit's scan)");
  }

  @Test
  void givenAnIntervalLongerThanTheLongestEventWhenCheckedThenItStarts() {
    assertThatCode(() -> PollInterval.requireLongerThan(Map.of("max.poll.interval.ms", "1800000"),
        Duration.ofMinutes(21), "two statements")).doesNotThrowAnyException();
  }
}
