package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.notifier.domain.Alert;
import io.deltapromotion.notifier.domain.DeliveryLog;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import org.springframework.stereotype.Component;

/** Records each delivery as an AlertSent on the alerts-sent topic. */
@Component
class KafkaDeliveryLog implements DeliveryLog {

  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;

  KafkaDeliveryLog(EventPublisher publisher, EventEnvelopes envelopes) {
    this.publisher = publisher;
    this.envelopes = envelopes;
  }

  @Override
  public void delivered(Alert alert, String channelId) {
    publisher.publish(EventTopics.ALERTS_SENT, alert.key(), AlertSent.newBuilder()
        .setEnvelope(envelopes.first())
        .setAlertKey(alert.key())
        .setChannel(channelId)
        .setSeverity(alert.severity().name())
        .setText(alert.text())
        .build());
  }
}
