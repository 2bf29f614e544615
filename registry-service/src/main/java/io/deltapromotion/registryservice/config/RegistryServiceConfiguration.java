package io.deltapromotion.registryservice.config;

import io.deltapromotion.infrastructure.kafka.EventLogReadingConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The ledger, and the reading of the log it is rebuilt from; the registry writes no topic. */
@Configuration(proxyBeanMethods = false)
@Import(EventLogReadingConfiguration.class)
class RegistryServiceConfiguration {

  /** The topics it reads, created if missing (with their declared partitions), so it may start before their writers. */
  @Bean
  KafkaAdmin.NewTopics promotionLogTopics() {
    return TopicDeclarations.of(EventTopics.promotionLog().toArray(TopicSpec<?>[]::new));
  }

  @Bean
  PromotionLedger promotionLedger() {
    return new PromotionLedger();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
