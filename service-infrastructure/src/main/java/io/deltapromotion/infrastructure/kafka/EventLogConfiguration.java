package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.tracing.EventTracing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * For services that write events and rebuild state from event topics: an {@link EventPublisher}, and the
 * {@link TopicReplayer} of {@link EventLogReadingConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventLogReadingConfiguration.class)
public class EventLogConfiguration {

  /**
   * @param transactionalId {@code deltapromotion.events.transactional-id}: stable across restarts of one
   *     instance and different for every instance (default: the service's name, right for one instance)
   */
  @Bean
  EventPublisher eventPublisher(KafkaProperties kafka, EventStreamsProperties properties,
      @Value("${deltapromotion.events.transactional-id:${spring.application.name}}") String transactionalId,
      EventTracing tracing) {
    return EventPublisher.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(), transactionalId,
        properties.replayTimeout(), tracing);
  }
}
