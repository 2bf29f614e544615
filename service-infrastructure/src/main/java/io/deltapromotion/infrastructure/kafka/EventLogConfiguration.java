package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.health.FailureHandlingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * For services that write events or rebuild state from event topics: an {@link EventPublisher} and a
 * {@link TopicReplayer}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
@Import(FailureHandlingConfiguration.class)
public class EventLogConfiguration {

  /**
   * @param transactionalId {@code deltapromotion.events.transactional-id}: stable across restarts of one
   *     instance and different for every instance (default: the service's name, right for one instance)
   */
  @Bean
  EventPublisher eventPublisher(KafkaProperties kafka, EventStreamsProperties properties,
      @Value("${deltapromotion.events.transactional-id:${spring.application.name}}") String transactionalId) {
    return EventPublisher.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(), transactionalId,
        properties.replayTimeout());
  }

  @Bean
  TopicReplayer topicReplayer(KafkaProperties kafka, EventStreamsProperties properties, OutageMonitor monitor,
      ObjectProvider<KafkaAdmin> admin) {
    return new TopicReplayer(kafka.buildConsumerProperties(), properties.replayTimeout(), monitor,
        () -> admin.ifAvailable(KafkaAdmin::initialize));
  }
}
