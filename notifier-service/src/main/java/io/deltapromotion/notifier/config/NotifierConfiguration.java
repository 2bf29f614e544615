package io.deltapromotion.notifier.config;

import io.deltapromotion.infrastructure.kafka.EventLogConfiguration;
import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.notifier.NotifierServiceApplication;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.Deliveries;
import io.deltapromotion.notifier.domain.AlertPolicy;
import io.deltapromotion.notifier.domain.DeliveryLog;
import io.deltapromotion.notifier.domain.NotificationChannel;
import io.deltapromotion.notifier.domain.Watchdog;
import io.deltapromotion.notifier.webhook.WebhookChannel;
import io.deltapromotion.notifier.webhook.WebhookRetry;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
@Import({EventStreamsConfiguration.class, EventLogConfiguration.class})
class NotifierConfiguration {

  /** Writes alerts-sent and lineage; reads alerts-sent, qc-completed, promotion-done and every service's dead letters. */
  @Bean
  KafkaAdmin.NewTopics topics() {
    List<NewTopic> topics = new ArrayList<>(List.of(TopicDeclarations.of(EventTopics.QC_COMPLETED),
        TopicDeclarations.of(EventTopics.PROMOTION_DONE), TopicDeclarations.of(EventTopics.ALERTS_SENT),
        TopicDeclarations.of(EventTopics.LINEAGE)));
    EventTopics.deadLetters().stream().filter(topic -> !topic.equals(EventTopics.NOTIFIER_DEAD_LETTER))
        .map(TopicDeclarations::of).forEach(topics::add);
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  @Bean
  DeadLetterTopic deadLetterTopic() {
    return EventTopics.NOTIFIER_DEAD_LETTER;
  }

  @Bean
  EventEnvelopes eventEnvelopes(@Value("${spring.application.name}") String service) {
    return EventEnvelopes.of(service, NotifierServiceApplication.class, Clock.systemUTC());
  }

  @Bean
  AlertPolicy alertPolicy(NotifierProperties properties) {
    return new AlertPolicy(properties.notifyOnPromoted(), properties.notifyOnQcWarn());
  }

  @Bean
  HttpClient webhookClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Bean
  Deliveries deliveries(DeliveryLog deliveryLog, NotifierProperties properties) {
    return new Deliveries(deliveryLog, properties.rememberedDeliveries());
  }

  @Bean
  AlertDispatcher alertDispatcher(NotifierProperties properties, HttpClient webhookClient, Deliveries deliveries) {
    WebhookRetry retry = new WebhookRetry(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
    List<NotificationChannel> channels = properties.webhookUrls().stream()
        .<NotificationChannel>map(url -> new WebhookChannel(url, webhookClient, retry, properties.requestTimeout()))
        .toList();
    return new AlertDispatcher(channels, deliveries);
  }

  @Bean
  Watchdog watchdog(NotifierProperties properties) {
    return new Watchdog(properties.watch().heldUpAlertAfter());
  }
}
