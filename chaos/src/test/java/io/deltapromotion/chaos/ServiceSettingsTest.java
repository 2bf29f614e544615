package io.deltapromotion.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

  @Test
  void givenTheShortRunsSixTablesWhenSettingsAreWrittenThenThePollAndHealthIntervalsAreTheFloors() {
    assertThat(ServiceSettings.pollInterval(6)).isEqualTo(Duration.ofSeconds(5));
    assertThat(ServiceSettings.cloneHealthEvery(6)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void givenAHundredTablesWhenSettingsAreWrittenThenPollsAndHealthChecksSpaceOut() {
    assertThat(ServiceSettings.pollInterval(100)).isEqualTo(Duration.ofSeconds(50));
    assertThat(ServiceSettings.cloneHealthEvery(100)).isEqualTo(Duration.ofMinutes(10));
  }
}
