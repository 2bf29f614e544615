package io.deltapromotion.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  private static final Instant SINCE = Instant.parse("2026-11-27T10:00:00Z");

  private final Watchdog watchdog = new Watchdog(Duration.ofMinutes(3));
  private final Watchdog.Observation heldUp = new Watchdog.Observation("qc-service", true, List.of(
      new Watchdog.HeldUp("delta-promotion.table-changed-2", "WAREHOUSE", SINCE, "cannot connect to the warehouse")));
  private final Watchdog.Observation well = new Watchdog.Observation("qc-service", true, List.of());

  @Test
  void givenAnOutageShorterThanTheStallTime_whenWatched_thenNobodyIsAlerted() {
    assertThat(watchdog.observe(heldUp, SINCE.plusSeconds(60))).isEmpty();
    assertThat(watchdog.observe(well, SINCE.plusSeconds(90))).isEmpty();
  }

  @Test
  void givenAnOutageThatLasts_whenWatchedRepeatedly_thenItIsAnnouncedOnceWithWhatWaitsAndOnceWhenItIsOver() {
    assertThat(watchdog.observe(heldUp, SINCE.plusSeconds(60))).isEmpty();
    Alert announced = watchdog.observe(heldUp, SINCE.plusSeconds(200)).orElseThrow();
    assertThat(watchdog.observe(heldUp, SINCE.plusSeconds(400))).isEmpty();
    Alert over = watchdog.observe(well, SINCE.plusSeconds(420)).orElseThrow();

    assertThat(announced.key()).isEqualTo("held-up:qc-service:2026-11-27T10:00:00Z");
    assertThat(announced.text()).contains("qc-service is held up", "delta-promotion.table-changed-2 waits for WAREHOUSE",
        "cannot connect to the warehouse");
    assertThat(over.key()).isEqualTo("back:qc-service:2026-11-27T10:00:00Z");
    assertThat(over.severity()).isEqualTo(Alert.Severity.INFO);
  }

  @Test
  void givenARestartedNotifierSeeingTheSameOutage_whenItLasts_thenItRaisesTheSameAlertKey() {
    Watchdog restarted = new Watchdog(Duration.ofMinutes(3));

    assertThat(restarted.observe(heldUp, SINCE.plusSeconds(500)).orElseThrow().key())
        .isEqualTo(watchdog.observe(heldUp, SINCE.plusSeconds(200)).orElseThrow().key());
  }

  @Test
  void givenAServiceThatDoesNotAnswer_whenItLasts_thenItIsAnnounced() {
    Watchdog.Observation silent = new Watchdog.Observation("promoter-service", false, List.of());

    assertThat(watchdog.observe(silent, SINCE)).isEmpty();
    assertThat(watchdog.observe(silent, SINCE.plusSeconds(181)).orElseThrow().text())
        .contains("promoter-service is held up", "does not answer");
  }
}
