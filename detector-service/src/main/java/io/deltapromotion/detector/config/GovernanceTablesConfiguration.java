package io.deltapromotion.detector.config;

import io.deltapromotion.detector.domain.GovernanceTables;
import io.deltapromotion.detector.domain.PromotionCandidates;
import io.deltapromotion.detector.domain.SchemaSnapshots;
import io.deltapromotion.detector.domain.TableRegistry;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.schemas.topics.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The governance tables, unless {@code deltapromotion.detector.governance.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GovernanceTablesProperties.class)
@ConditionalOnBooleanProperty(name = "deltapromotion.detector.governance.enabled", matchIfMissing = true)
class GovernanceTablesConfiguration {

  @Bean
  GovernanceTables governanceTables(Warehouse warehouse, GovernanceTablesProperties tables, DetectorProperties detector,
      TablePolicies policies) {
    return new GovernanceTables(new PromotionCandidates(warehouse, TableName.parse(tables.candidatesTable())),
        new SchemaSnapshots(warehouse, TableName.parse(tables.snapshotsTable())),
        new TableRegistry(warehouse, TableName.parse(tables.registryTable())), warehouse, policies,
        detector.targetEnvironment());
  }

  /** The promoter writes it; created if missing so the tables' writers may start first. */
  @Bean
  NewTopic promotionDoneTopic() {
    return TopicDeclarations.of(EventTopics.PROMOTION_DONE);
  }
}
