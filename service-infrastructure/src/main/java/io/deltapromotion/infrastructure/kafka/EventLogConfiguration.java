package io.deltapromotion.infrastructure.kafka;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** For services that rebuild state from event topics at start-up: a {@link TopicReplayer}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
public class EventLogConfiguration {

  @Bean
  TopicReplayer topicReplayer(KafkaProperties kafka, EventStreamsProperties properties) {
    return new TopicReplayer(kafka.buildConsumerProperties(), properties.replayTimeout());
  }
}
