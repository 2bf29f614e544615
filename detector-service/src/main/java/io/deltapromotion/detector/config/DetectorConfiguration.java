package io.deltapromotion.detector.config;

import io.deltapromotion.detector.DetectorServiceApplication;
import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeAnnouncer;
import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.PollSchedule;
import io.deltapromotion.detector.domain.RefusedTables;
import io.deltapromotion.infrastructure.http.HttpInputConfiguration;
import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConfiguration;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.policy.TablePolicyConfiguration;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectorProperties.class)
@Import({HttpInputConfiguration.class, WarehouseConfiguration.class, EventStreamsConfiguration.class, EventLogConfiguration.class,
    TablePolicyConfiguration.class})
class DetectorConfiguration {

  /** Writes table-changed; reads pipeline-committed (also written by its HTTP intake). */
  @Bean
  KafkaAdmin.NewTopics topics() {
    return TopicDeclarations.of(EventTopics.TABLE_CHANGED, EventTopics.PIPELINE_COMMITTED);
  }

  @Bean
  DeadLetterTopic deadLetterTopic() {
    return EventTopics.DETECTOR_DEAD_LETTER;
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
  RefusedTables refusedTables() {
    return new RefusedTables();
  }

  /** The threads a detection cycle reads tables on: their number bounds the concurrent warehouse reads. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService tableReads(DetectorProperties properties) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(properties.maxConcurrentReads(), runnable -> {
      Thread thread = new Thread(runnable, "table-read-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  ChangeDetector changeDetector(Warehouse warehouse, DetectorProperties properties, TablePolicies policies,
      AnnouncedVersions announced, RefusedTables refused, ChangeAnnouncer announcer, ExecutorService tableReads,
      PartitionOwnership ownership) {
    return new ChangeDetector(warehouse, WatchListFactory.create(properties.watch()), policies, announced, refused, announcer,
        properties.historyDepth(), tableReads, ownership::owns);
  }

  @Bean
  PollSchedule pollSchedule(DetectorProperties properties) {
    return new PollSchedule(properties.pollInterval(), properties.maxBackoff(), properties.pollJitter(),
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
