package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.notifier.domain.Deliveries;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every notifier instance delivered, folded from the alerts-sent topic into {@link Deliveries}: read to
 * its end before any listener starts, then followed, so a restarted notifier, one whose consumer group
 * lost its offsets, or one that takes over another instance's partitions sends nothing that was sent (alerts
 * and lineage alike).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryLogConfiguration {

  @Bean
  TopicFollower deliveryFollower(TopicReplayer replayer, KafkaProperties kafka, Deliveries deliveries,
      EventStreamsProperties properties) {
    return new TopicFollower("the delivered alerts", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.ALERTS_SENT.name()), properties.replayTimeout(), record -> {
          if (record.value() instanceof AlertSent sent) {
            deliveries.alreadyDelivered(sent.getAlertKey(), sent.getChannel());
          }
        });
  }
}
