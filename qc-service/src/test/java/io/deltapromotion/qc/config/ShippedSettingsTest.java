package io.deltapromotion.qc.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.deltapromotion.infrastructure.kafka.PollInterval;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

/** The settings qc-service ships with, as a service started with no overrides reads them. */
class ShippedSettingsTest {

  /** The defaults of deltapromotion.warehouse (statement and connection timeouts) and of the retries' backoff. */
  private static final Duration LONGEST_AUDIT =
      Duration.ofMinutes(10).plusSeconds(30).multipliedBy(2).plusSeconds(30);

  @Test
  void givenTheShippedSettingsWhenAnAuditRunsForItsFullStatementTimeoutThenTheConsumerKeepsItsPartition() throws IOException {
    Object interval = property("delta-promotion-kafka.yml", "spring.kafka.consumer.properties.max.poll.interval.ms");

    assertThatCode(() -> PollInterval.requireLongerThan(interval == null ? Map.of()
        : Map.of("max.poll.interval.ms", interval), LONGEST_AUDIT, "the default timeouts")).doesNotThrowAnyException();
  }

  private static Object property(String file, String name) throws IOException {
    for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
      if (source.containsProperty(name)) {
        return source.getProperty(name);
      }
    }
    return null;
  }
}
