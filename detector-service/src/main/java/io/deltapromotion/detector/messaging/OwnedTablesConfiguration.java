package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeCategory;
import io.deltapromotion.detector.domain.RefusedTables;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * What was announced, fed only by following the TableChanged topic; which tables were reported as
 * skipped for their names, fed only by following the detector's dead-letter topic; and which tables this
 * instance detects: those of the partitions of pipeline-committed its consumer group assigns it (for
 * their pipelines' events and for the poll alike), each counted as owned once the announcements were
 * read to that partition's end and the skip reports to the end.
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

  /**
   * Every instance's skip reports, so a table that changes owner is not reported again by its new owner.
   * The dead-letter topic holds other records too (the pipeline events refused, byte for byte): the values
   * are not read, only the headers of the skip reports.
   */
  @Bean
  TopicFollower skipReportFollower(TopicReplayer replayer, KafkaProperties kafka, RefusedTables refused,
      EventStreamsProperties properties) {
    return TopicFollower.ofRawValues("the skip reports", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.DETECTOR_DEAD_LETTER.name()), properties.replayTimeout(),
        record -> SkippedTableReports.read(record).ifPresent(table -> refused.record(table.schema(), table.name())));
  }

  @Bean
  PartitionOwnership partitionOwnership(@Qualifier("announcementFollower") TopicFollower announcements,
      @Qualifier("skipReportFollower") TopicFollower skipReports) {
    return new PartitionOwnership(List.of(EventTopics.PIPELINE_COMMITTED.name()), (partitions, consumer) -> {
      announcements.catchUp(partitions, consumer);
      skipReports.catchUpAll(consumer);
    });
  }

  /** The container of {@link PipelineCommittedListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
