package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeCategory;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * What was announced, fed only by following the TableChanged topic, and which tables this instance
 * detects: those of the partitions of pipeline-committed its consumer group assigns it (for their
 * pipelines' events and for the poll alike), each counted as owned once the announcements were read to
 * that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  /** Every instance's announcements, so none announces a version another one did. */
  @Bean
  TopicFollower announcementFollower(TopicReplayer replayer, KafkaProperties kafka, AnnouncedVersions announced,
      EventStreamsProperties properties) {
    return new TopicFollower("the announcements", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.TABLE_CHANGED.name()), properties.replayTimeout(), record -> {
          if (record.value() instanceof TableChanged event) {
            announced.record(TableName.parse(event.getSourceTable()), event.getSourceVersion(), event.getCommitTime(),
                category(event.getChangeCategory()));
          }
        });
  }

  /** The domain category; null for a category this build does not know (UNKNOWN). */
  private static ChangeCategory category(io.deltapromotion.events.ChangeCategory category) {
    return category == io.deltapromotion.events.ChangeCategory.UNKNOWN ? null : ChangeCategory.valueOf(category.name());
  }

  @Bean
  PartitionOwnership partitionOwnership(TopicFollower announcementFollower) {
    return new PartitionOwnership(List.of(EventTopics.PIPELINE_COMMITTED.name()), announcementFollower::catchUp);
  }

  /** The container of {@link PipelineCommittedListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
