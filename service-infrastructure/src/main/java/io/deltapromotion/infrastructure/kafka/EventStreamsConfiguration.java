package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every event-consuming service shares (it must declare its {@link DeadLetterTopic} as a bean): failed events are retried with backoff when the failure
 * may pass, and written to the service's dead-letter topic, with the reason, when it cannot (bad input)
 * or the retries run out. The service's listeners then carry on with the next event.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamsProperties.class)
public class EventStreamsConfiguration {

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
      KafkaProducer<byte[], byte[]> deadLetterProducer, @Value("${spring.application.name}") String service) {
    Map<String, Object> serializerConfig = kafka.buildProducerProperties();
    return new DeadLetterRecoverer(topic, service, deadLetterProducer, serializerConfig);
  }

  @Bean
  DefaultErrorHandler eventErrorHandler(DeadLetterRecoverer recoverer, EventStreamsProperties properties) {
    ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialBackoff().toMillis(), 2.0);
    backOff.setMaxInterval(properties.retryMaxBackoff().toMillis());
    backOff.setMaxElapsedTime(properties.retryMaxElapsed().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(RejectedEventException.class,
        IllegalArgumentException.class, NullPointerException.class, AvroRuntimeException.class,
        ConversionException.class);
    return handler;
  }
}
