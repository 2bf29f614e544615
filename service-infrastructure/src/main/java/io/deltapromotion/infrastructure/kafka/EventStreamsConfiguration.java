package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.health.FailureHandlingConfiguration;
import io.deltapromotion.infrastructure.tracing.TracingConfiguration;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every event-consuming service shares (it must declare its {@link DeadLetterTopic} as a bean): an
 * event that is bad input goes to the service's dead-letter topic at once, with the reason, and the
 * listener carries on with the next one; an event that fails for any other reason (an outage of the
 * broker, the schema registry or the warehouse; an error nobody foresaw) is kept: its partition backs
 * off and retries for as long as it takes, and the outage shows in the service's health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
@Import({FailureHandlingConfiguration.class, TracingConfiguration.class})
public class EventStreamsConfiguration {

  private static final FixedBackOff NO_RETRY = new FixedBackOff(0, 0);
  /** How soon a group's newly assigned topic gets its lag gauge. */
  private static final Duration LAG_DISCOVERY = Duration.ofSeconds(15);

  @Bean
  NewTopic deadLetterTopicDeclaration(DeadLetterTopic topic) {
    return TopicDeclarations.of(topic);
  }

  @Bean(destroyMethod = "close")
  KafkaProducer<byte[], byte[]> deadLetterProducer(KafkaProperties kafka) {
    return new KafkaProducer<>(kafka.buildProducerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Bean
  DeadLetterRecoverer deadLetterRecoverer(DeadLetterTopic topic, KafkaProperties kafka,
      KafkaProducer<byte[], byte[]> deadLetterProducer, @Value("${spring.application.name}") String service,
      ObjectProvider<MeterRegistry> meters) {
    Map<String, Object> serializerConfig = kafka.buildProducerProperties();
    return new DeadLetterRecoverer(topic, service, deadLetterProducer, serializerConfig,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  DefaultErrorHandler eventErrorHandler(DeadLetterRecoverer recoverer, EventStreamsProperties properties,
      OutageMonitor monitor) {
    ExponentialBackOff untilItIsBack = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
    untilItIsBack.setMaxInterval(properties.retryMaxBackoff().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItIsBack);
    handler.setClassifications(Map.of(), true);
    // Containers whose offsets go only with transactions (OwnedPartitionsContainerFactory) commit a
    // dead-lettered event's offset this way; the others commit every handled event anyway.
    handler.setCommitRecovered(true);
    handler.setBackOffFunction((record, error) -> Failures.classify(error).isBadInput() ? NO_RETRY : null);
    handler.setRetryListeners(new OutageRecorder(monitor));
    return handler;
  }

  /** Each listener group's lag, as the gauge {@value ConsumerLagMeters#NAME}. */
  @Bean(destroyMethod = "close")
  ConsumerLagMeters consumerLagMeters(ListenerContainerRegistry containers, ObjectProvider<MeterRegistry> meters) {
    return new ConsumerLagMeters(containers, meters.getIfAvailable(SimpleMeterRegistry::new), LAG_DISCOVERY);
  }

  /** Marks a partition's work as going again once one of its events goes through. */
  @Bean
  RecordInterceptor<Object, Object> outageRecoveryInterceptor(OutageMonitor monitor) {
    return new OutageRecorder(monitor);
  }
}
