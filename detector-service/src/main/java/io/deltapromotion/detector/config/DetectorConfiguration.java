package io.deltapromotion.detector.config;

import io.deltapromotion.detector.DetectorServiceApplication;
import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeAnnouncer;
import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConfiguration;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectorProperties.class)
@Import({WarehouseConfiguration.class, EventLogConfiguration.class})
class DetectorConfiguration {

  @Bean
  NewTopic tableChangedTopic() {
    return TopicDeclarations.of(EventTopics.TABLE_CHANGED);
  }

  @Bean
  EventEnvelopes eventEnvelopes(@Value("${spring.application.name}") String service) {
    return EventEnvelopes.of(service, DetectorServiceApplication.class, Clock.systemUTC());
  }

  @Bean
  AnnouncedVersions announcedVersions() {
    return new AnnouncedVersions();
  }

  @Bean
  ChangeDetector changeDetector(Warehouse warehouse, DetectorProperties properties, AnnouncedVersions announced,
      ChangeAnnouncer announcer) {
    return new ChangeDetector(warehouse, WatchListFactory.create(properties.watch()), announced, announcer,
        properties.historyDepth());
  }
}
