package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.infrastructure.warehouse.WriteGuard;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The promotion log, fed only by following its topics, and which tables this instance owns: the
 * partitions of the QC reports and operators' commands its consumer group assigns it, each counted as
 * owned once the promotion log was read to that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  static final List<String> INPUTS = List.of(EventTopics.QC_COMPLETED.name(), EventTopics.OPERATOR_COMMANDS.name());

  /**
   * The one path into the promotion log: the QC reports, the outcomes and the operators' commands (of
   * which approvals and rejections are folded in; promote and rollback orders are not: their outcomes are),
   * into the rebaselines' progress, and into the versions' traces.
   */
  @Bean
  TopicFollower promotionLogFollower(TopicReplayer replayer, KafkaProperties kafka, PromotionLog promotionLog,
      RebaselineRuns rebaselines, VersionTraces traces, EventStreamsProperties properties) {
    return new TopicFollower("the promotion log", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.QC_COMPLETED.name(), EventTopics.PROMOTION_DONE.name(), EventTopics.OPERATOR_COMMANDS.name()),
        properties.replayTimeout(), record -> {
          LogEntries.of(record.value()).ifPresent(promotionLog::apply);
          rebaselines.apply(record.value());
          traces.fold(record);
        });
  }

  @Bean
  VersionTraces versionTraces(EventTracing tracing) {
    return new VersionTraces(tracing);
  }

  @Bean
  PartitionOwnership partitionOwnership(TopicFollower promotionLogFollower) {
    return new PartitionOwnership(INPUTS, promotionLogFollower::catchUp);
  }

  /**
   * Every statement that writes a stage table first confirms that the claim of the decision it is part
   * of still holds, so an instance that lost the table (a zombie resumed between the two statements of a
   * clone included) sends nothing more.
   */
  @Bean
  WriteGuard ownedTablesOnly(DecisionClaims claims) {
    return table -> claims.confirm();
  }

  /** The container of {@link LadderInputListener}. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> ownedTablesContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      PartitionOwnership ownership) {
    return OwnedPartitionsContainerFactory.create(configurer, consumers, ownership);
  }
}
