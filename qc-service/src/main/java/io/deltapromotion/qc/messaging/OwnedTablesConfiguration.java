package io.deltapromotion.qc.messaging;

import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The promotion history, fed only by following the reports and the outcomes, and which tables'
 * announcements this instance audits: the partitions of TableChanged its consumer group assigns it, each
 * counted as owned once the reports were read to that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  @Bean
  EventLogPromotionHistory promotionHistory() {
    return new EventLogPromotionHistory();
  }

  @Bean
  TopicFollower promotionHistoryFollower(TopicReplayer replayer, KafkaProperties kafka, EventLogPromotionHistory history,
      EventStreamsProperties properties) {
    return new TopicFollower("the promotion history", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name()), properties.replayTimeout(),
        record -> history.apply(record.value()));
  }

  @Bean
  PartitionOwnership partitionOwnership(TopicFollower promotionHistoryFollower) {
    return new PartitionOwnership(List.of(EventTopics.TABLE_CHANGED.name()), promotionHistoryFollower::catchUp);
  }

  /** The container of {@link TableChangedListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
