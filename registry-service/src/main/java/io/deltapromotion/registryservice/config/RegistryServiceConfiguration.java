package io.deltapromotion.registryservice.config;

import io.deltapromotion.infrastructure.http.HttpInputConfiguration;
import io.deltapromotion.infrastructure.kafka.EventLogReadingConfiguration;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The ledger, and the reading of the log it is rebuilt from; the registry writes no topic. */
@Configuration(proxyBeanMethods = false)
@Import({EventLogReadingConfiguration.class, HttpInputConfiguration.class})
class RegistryServiceConfiguration {

  @Bean
  PromotionLedger promotionLedger() {
    return new PromotionLedger();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
