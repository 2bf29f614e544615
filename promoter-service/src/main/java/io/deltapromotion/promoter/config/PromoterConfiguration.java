package io.deltapromotion.promoter.config;

import io.deltapromotion.infrastructure.http.HttpInputConfiguration;
import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConfiguration;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseProperties;
import io.deltapromotion.promoter.PromoterServiceApplication;
import io.deltapromotion.promoter.domain.CloneHealth;
import io.deltapromotion.promoter.domain.Ladder;
import io.deltapromotion.promoter.domain.LadderPromoter;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.promoter.domain.Promoter;
import io.deltapromotion.promoter.domain.QcVerdict;
import io.deltapromotion.promoter.domain.Rebaseliner;
import io.deltapromotion.promoter.domain.ReleaseParts;
import io.deltapromotion.promoter.domain.ReleasePromoter;
import io.deltapromotion.promoter.domain.ReleaseRegistry;
import io.deltapromotion.promoter.domain.Rollbacks;
import io.deltapromotion.promoter.domain.Stage;
import io.deltapromotion.promoter.domain.StageRepair;
import io.deltapromotion.promoter.domain.StageRollback;
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
@EnableConfigurationProperties({LadderProperties.class, CommandIntakeProperties.class, ReleaseRegistryProperties.class,
    CloneHealthProperties.class})
@Import({HttpInputConfiguration.class, WarehouseConfiguration.class, EventStreamsConfiguration.class, EventLogConfiguration.class})
class PromoterConfiguration {

  /**
   * Writes promotion-done, operator-commands (its command intake) and pipeline-committed (a rebaseline's
   * first-stage versions); reads qc-completed and operator-commands.
   */
  @Bean
  KafkaAdmin.NewTopics topics() {
    return TopicDeclarations.of(EventTopics.PROMOTION_DONE, EventTopics.QC_COMPLETED, EventTopics.OPERATOR_COMMANDS,
        EventTopics.PIPELINE_COMMITTED);
  }

  @Bean
  DeadLetterTopic deadLetterTopic() {
    return EventTopics.PROMOTER_DEAD_LETTER;
  }

  @Bean
  EventEnvelopes eventEnvelopes(@Value("${spring.application.name}") String service) {
    return EventEnvelopes.of(service, PromoterServiceApplication.class, Clock.systemUTC());
  }

  @Bean
  Ladder ladder(LadderProperties properties, WarehouseProperties warehouse) {
    return LadderFactory.build(properties, WarehouseDialect.fromJdbcUrl(warehouse.jdbcUrl()));
  }

  @Bean
  OperatorGrants operatorGrants(CommandIntakeProperties intake, Ladder ladder) {
    return intake.grants(ladder.stages().stream().map(Stage::name).toList());
  }

  @Bean
  PromotionLog promotionLog() {
    return new PromotionLog();
  }

  @Bean
  Promoter promoter(Warehouse warehouse, PromotionLog promotionLog, @Value("${spring.application.name}") String service) {
    return new Promoter(warehouse, Clock.systemUTC(), service,
        (source, version) -> promotionLog.verdict(source, version).map(QcVerdict::sourceComment));
  }

  @Bean
  LadderPromoter ladderPromoter(Ladder ladder, Promoter promoter, PromotionLog promotionLog) {
    return new LadderPromoter(ladder, promoter, promotionLog, Clock.systemUTC());
  }

  @Bean
  ReleasePromoter releasePromoter(Ladder ladder, Promoter promoter, PromotionLog promotionLog) {
    return new ReleasePromoter(ladder, promoter, promotionLog, Clock.systemUTC());
  }

  @Bean
  ReleaseParts releaseParts(Ladder ladder, Promoter promoter, PromotionLog promotionLog, ReleasePromoter plans) {
    return new ReleaseParts(ladder, promoter, promotionLog, plans, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "deltapromotion.promoter.release-registry.enabled", matchIfMissing = true)
  ReleaseRegistry releaseRegistry(Warehouse warehouse, ReleaseRegistryProperties properties) {
    return new ReleaseRegistry(warehouse, properties.tableName());
  }

  @Bean
  Rebaseliner rebaseliner(Ladder ladder, Promoter promoter, Warehouse warehouse, PromotionLog promotionLog) {
    return new Rebaseliner(ladder, promoter, warehouse, promotionLog);
  }

  @Bean
  CloneHealth cloneHealth(Ladder ladder, Warehouse warehouse, @Value("${spring.application.name}") String service,
      PromotionLog promotionLog) {
    return new CloneHealth(ladder, new StageRepair(warehouse, Clock.systemUTC(), service), promotionLog);
  }

  @Bean
  Rollbacks rollbacks(Ladder ladder, Warehouse warehouse, @Value("${spring.application.name}") String service,
      PromotionLog promotionLog) {
    return new Rollbacks(ladder, new StageRollback(warehouse, Clock.systemUTC(), service), promotionLog, Clock.systemUTC());
  }
}
