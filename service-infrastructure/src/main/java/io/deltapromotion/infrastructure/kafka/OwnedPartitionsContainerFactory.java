package io.deltapromotion.infrastructure.kafka;

import java.util.Properties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The listener containers of a service whose instances share its keys by partition: configured like
 * every other container (error handling, interceptors), but offsets are committed only by the
 * transactions that publish what the events caused (manual acknowledgement, never acknowledged; an
 * event that went to the dead-letter topic is committed by the error handler), the group is assigned
 * eagerly by range, and every assignment goes through the {@link PartitionOwnership}.
 */
public final class OwnedPartitionsContainerFactory {

  private OwnedPartitionsContainerFactory() {}

  public static ConcurrentKafkaListenerContainerFactory<Object, Object> create(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    ContainerProperties container = factory.getContainerProperties();
    // Never acknowledged by the listener; MANUAL_IMMEDIATE so that the offset of an event sent to the
    // dead-letter topic is committed at once (the error handler commits recovered events in this mode).
    container.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
    container.setConsumerRebalanceListener(ownership.rebalanceListener());
    Properties settings = new Properties();
    settings.putAll(PartitionOwnership.CONSUMER_SETTINGS);
    container.setKafkaConsumerProperties(settings);
    return factory;
  }
}
