package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.kafka.OwnedPartitionsContainerFactory;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.warehouse.WriteGuard;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Which tables this instance owns: the partitions of the QC reports and operators' commands its consumer
 * group assigns it, each counted as owned once the promotion log was read to that partition's end.
 */
@Configuration(proxyBeanMethods = false)
class OwnedTablesConfiguration {

  static final List<String> INPUTS = List.of(EventTopics.QC_COMPLETED.name(), EventTopics.OPERATOR_COMMANDS.name());

  @Bean
  PartitionOwnership partitionOwnership(PromotionLogFollower follower) {
    return new PartitionOwnership(INPUTS, follower::catchUp);
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
