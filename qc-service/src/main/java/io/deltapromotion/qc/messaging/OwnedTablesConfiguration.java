package io.deltapromotion.qc.messaging;

import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Which tables' announcements this instance audits: the partitions of TableChanged its consumer group
 * assigns it, each counted as owned once the reports were read to that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  @Bean
  PartitionOwnership partitionOwnership(EventLogPromotionHistory history) {
    return new PartitionOwnership(List.of(EventTopics.TABLE_CHANGED.name()), history::catchUp);
  }

  /** The container of {@link TableChangedListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
