package io.deltapromotion.detector.messaging;

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
 * Which tables this instance detects: those of the partitions of pipeline-committed its consumer group
 * assigns it (for their pipelines' events and for the poll alike), each counted as owned once the
 * announcements were read to that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  @Bean
  PartitionOwnership partitionOwnership(AnnouncementFollower announcements) {
    return new PartitionOwnership(List.of(EventTopics.PIPELINE_COMMITTED.name()), announcements::catchUp);
  }

  /** The container of {@link PipelineCommittedListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
