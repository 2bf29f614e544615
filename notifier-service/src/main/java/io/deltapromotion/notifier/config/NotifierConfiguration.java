package io.deltapromotion.notifier.config;

import io.deltapromotion.infrastructure.kafka.EventStreamsConfiguration;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.AlertPolicy;
import io.deltapromotion.notifier.domain.NotificationChannel;
import io.deltapromotion.notifier.webhook.WebhookChannel;
import io.deltapromotion.notifier.webhook.WebhookRetry;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
@Import(EventStreamsConfiguration.class)
class NotifierConfiguration {

  /** Reads both. */
  @Bean
  KafkaAdmin.NewTopics topics() {
    return TopicDeclarations.of(EventTopics.QC_COMPLETED, EventTopics.PROMOTION_DONE);
  }

  @Bean
  DeadLetterTopic deadLetterTopic() {
    return EventTopics.NOTIFIER_DEAD_LETTER;
  }

  @Bean
  AlertPolicy alertPolicy(NotifierProperties properties) {
    return new AlertPolicy(properties.notifyOnPromoted(), properties.notifyOnQcWarn());
  }

  @Bean
  AlertDispatcher alertDispatcher(NotifierProperties properties) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    WebhookRetry retry = new WebhookRetry(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
    List<NotificationChannel> channels = properties.webhookUrls().stream()
        .<NotificationChannel>map(url -> new WebhookChannel(url, http, retry, properties.requestTimeout()))
        .toList();
    return new AlertDispatcher(channels, properties.rememberedDeliveries());
  }
}
