package io.deltapromotion.qc.config;

import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.PollInterval;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConfiguration;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseProperties;
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
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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
  @ConditionalOnBooleanProperty(name = "deltapromotion.qc.reports.enabled", matchIfMissing = true)
  ReportArchive reportArchive(Warehouse warehouse, QualityReportsProperties properties) {
    return new ReportArchive(warehouse, properties.tableName());
  }

  /**
   * An audit is two statements (the column probe, then the one scan), each up to the statement timeout,
   * plus a wait for a session for each, plus a retry's backoff: the consumer must be allowed that long
   * between polls, or a long scan is delivered again and again.
   */
  @Bean
  SmartInitializingSingleton pollIntervalCoversTheLongestAudit(KafkaProperties kafka, WarehouseProperties warehouse,
      EventStreamsProperties events) {
    Duration longest = warehouse.statementTimeout().plus(warehouse.connectionTimeout()).multipliedBy(2)
        .plus(events.retryMaxBackoff());
    return () -> PollInterval.requireLongerThan(kafka.buildConsumerProperties(), longest,
        "an audit's two statements at the statement timeout of " + warehouse.statementTimeout() + " each");
  }

  @Bean
  QualityAudit qualityAudit(Warehouse warehouse, TablePolicies policies, PromotionHistory history) {
    return new QualityAudit(warehouse, policies, history);
  }
}
