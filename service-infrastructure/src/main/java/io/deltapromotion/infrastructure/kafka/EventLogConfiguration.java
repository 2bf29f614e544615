package io.deltapromotion.infrastructure.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * For services that write events or rebuild state from event topics: an {@link EventPublisher} and a
 * {@link TopicReplayer}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
public class EventLogConfiguration {

  @Bean
  EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
    return new EventPublisher(kafka);
  }

  @Bean
  TopicReplayer topicReplayer(KafkaProperties kafka, EventStreamsProperties properties) {
    return new TopicReplayer(kafka.buildConsumerProperties(), properties.replayTimeout());
  }
}
