package io.deltapromotion.infrastructure.health;

import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's {@link OutageMonitor}, and the health component that reports it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
public class FailureHandlingConfiguration {

  /** Work that has not failed for two of the longest backoffs, plus a minute, is no longer held up. */
  @Bean
  OutageMonitor outageMonitor(EventStreamsProperties properties) {
    return new OutageMonitor(Clock.systemUTC(), properties.retryMaxBackoff().multipliedBy(2).plusMinutes(1));
  }

  @Bean
  OutageHealthIndicator outagesHealthIndicator(OutageMonitor monitor) {
    return new OutageHealthIndicator(monitor, Clock.systemUTC());
  }
}
