package io.deltapromotion.qc.config;

import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConfiguration;
import io.deltapromotion.qc.QcServiceApplication;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.policy.TablePolicyConfiguration;
import io.deltapromotion.qc.domain.PromotionHistory;
import io.deltapromotion.qc.domain.QualityAudit;
import io.deltapromotion.qc.domain.ReportArchive;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityReportsProperties.class)
@Import({WarehouseConfiguration.class, EventStreamsConfiguration.class, EventLogConfiguration.class,
    TablePolicyConfiguration.class})
class QcConfiguration {

  /** Writes qc-completed; reads table-changed, and promotion-done for the drift history. */
  @Bean
  KafkaAdmin.NewTopics topics() {
    return TopicDeclarations.of(EventTopics.QC_COMPLETED, EventTopics.TABLE_CHANGED, EventTopics.PROMOTION_DONE);
  }

  @Bean
  DeadLetterTopic deadLetterTopic() {
    return EventTopics.QC_DEAD_LETTER;
  }

  @Bean
  EventEnvelopes eventEnvelopes(@Value("${spring.application.name}") String service) {
    return EventEnvelopes.of(service, QcServiceApplication.class, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnBooleanProperty("deltapromotion.qc.reports.enabled")
  ReportArchive reportArchive(Warehouse warehouse, QualityReportsProperties properties) {
    return new ReportArchive(warehouse, properties.tableName());
  }

  @Bean
  QualityAudit qualityAudit(Warehouse warehouse, TablePolicies policies, PromotionHistory history) {
    return new QualityAudit(warehouse, policies, history);
  }
}
