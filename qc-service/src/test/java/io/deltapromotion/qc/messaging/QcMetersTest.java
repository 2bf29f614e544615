package io.deltapromotion.qc.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.qc.domain.CheckOutcome;
import io.deltapromotion.qc.domain.QualityReport;
import io.deltapromotion.qc.domain.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QcMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final QcMeters meters = new QcMeters(registry);

  @Test
  void givenAPublishedReport_whenMeasured_thenItsTimeCountsUnderItsVerdictAndEachCheckUnderItsKind() {
    meters.published(QualityReport.of(List.of(
        new CheckOutcome("row_count", Verdict.PASS, "3", "> 0", "3 rows"),
        new CheckOutcome("null_keys.id", Verdict.PASS, "0", "0", "no null id"),
        new CheckOutcome("null_keys.region", Verdict.PASS, "0", "0", "no null region"),
        new CheckOutcome("duplicate_keys", Verdict.FAIL, "1", "0", "1 duplicate key"),
        new CheckOutcome("custom.labelled", Verdict.WARN, "2", "0", "2 rows unlabelled")), 3L), Duration.ofMillis(1500));

    assertThat(registry.get(QcMeters.DURATION).tags("verdict", "FAIL").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    assertThat(registry.get(QcMeters.CHECKS).tags("check", "null_keys", "verdict", "PASS").counter().count())
        .as("one series per kind of check, not per column").isEqualTo(2);
    assertThat(registry.get(QcMeters.CHECKS).tags("check", "duplicate_keys", "verdict", "FAIL").counter().count()).isEqualTo(1);
    assertThat(registry.get(QcMeters.CHECKS).tags("check", "custom", "verdict", "WARN").counter().count()).isEqualTo(1);
  }
}
