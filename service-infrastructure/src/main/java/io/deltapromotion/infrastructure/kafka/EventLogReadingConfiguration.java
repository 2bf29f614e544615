package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.health.FailureHandlingConfiguration;
import io.deltapromotion.infrastructure.tracing.TracingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * For services that rebuild state from event topics, those that write none too: a {@link TopicReplayer}
 * (and the outage reporting its waits show in).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
@Import({FailureHandlingConfiguration.class, TracingConfiguration.class})
public class EventLogReadingConfiguration {

  @Bean
  TopicReplayer topicReplayer(KafkaProperties kafka, EventStreamsProperties properties, OutageMonitor monitor,
      ObjectProvider<KafkaAdmin> admin) {
    return new TopicReplayer(kafka.buildConsumerProperties(), properties.replayTimeout(), monitor,
        () -> admin.ifAvailable(KafkaAdmin::initialize));
  }
}
