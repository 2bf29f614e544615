package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.LineageRecorder;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every notifier instance delivered, folded from the alerts-sent topic into the dispatcher: read to
 * its end before any listener starts, then followed, so a restarted notifier, one whose consumer group
 * lost its offsets, or one that takes over another instance's partitions sends nothing that was sent (alerts
 * and lineage alike).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryLogConfiguration {

  @Bean
  TopicFollower deliveryFollower(TopicReplayer replayer, KafkaProperties kafka, AlertDispatcher dispatcher,
      ObjectProvider<LineageRecorder> lineage, EventStreamsProperties properties) {
    return new TopicFollower("the delivered alerts", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.ALERTS_SENT.name()), properties.replayTimeout(), record -> {
          if (record.value() instanceof AlertSent sent) {
            dispatcher.alreadyDelivered(sent.getAlertKey(), sent.getChannel());
            lineage.ifAvailable(recorder -> recorder.alreadyDelivered(sent.getAlertKey(), sent.getChannel()));
          }
        });
  }
}
