package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.WaitKind;
import io.deltapromotion.notifier.domain.Alert;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.AlertPolicy;
import io.deltapromotion.notifier.domain.DeadLetterNotice;
import io.deltapromotion.notifier.domain.PromotionNotice;
import io.deltapromotion.notifier.domain.QcNotice;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns quality reports, promotion outcomes and every service's dead letters into alerts, per the alert policy. */
@Component
class AlertListener {

  private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

  private final AlertPolicy policy;
  private final AlertDispatcher dispatcher;

  AlertListener(AlertPolicy policy, AlertDispatcher dispatcher) {
    this.policy = policy;
    this.dispatcher = dispatcher;
  }

  @KafkaListener(id = "notifier-promotions", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PROMOTION_DONE.name()}")
  void onPromotionDone(PromotionDone event) {
    deliver(policy.alertFor(new PromotionNotice(event.getEnvelope().getEventId().toString(),
        event.getEnvelope().getCorrelationId().toString(), event.getStatus().name(), event.getSourceTable(),
        event.getSourceVersion(), event.getTargetTable(), event.getTargetEnvironment(), event.getReleaseTag(),
        event.getTargetDeltaVersion(), event.getError(), waiting(event), event.getActor(), event.getApprovedBy())));
  }

  private static PromotionNotice.Waiting waiting(PromotionDone event) {
    if (event.getWaitingFor() != null && event.getWaitingFor().getKind() == WaitKind.APPROVAL) {
      return PromotionNotice.Waiting.APPROVAL;
    }
    if (event.getWaitingFor() != null && event.getWaitingFor().getKind() == WaitKind.SOAK) {
      return PromotionNotice.Waiting.SOAK;
    }
    return event.getWaitingFor() != null || event.getAwaiting() != null ? PromotionNotice.Waiting.OTHER : null;
  }

  @KafkaListener(id = "notifier-reports", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).QC_COMPLETED.name()}")
  void onQcCompleted(QcCompleted event) {
    deliver(policy.alertFor(new QcNotice(event.getEnvelope().getEventId().toString(),
        event.getEnvelope().getCorrelationId().toString(), event.getStatus().name(), event.getTable(),
        event.getVersion(), event.getTargetTable(),
        event.getChecks().stream().filter(check -> check.getStatus() != CheckStatus.PASS)
            .map(check -> check.getName() + ": " + check.getMessage()).toList())));
  }

  /** Dead letters are read as they were written (bytes and headers): there is nothing to decode. */
  @KafkaListener(id = "notifier-dead-letters", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).deadLetterTopicNames()}",
      properties = "spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.ByteArrayDeserializer")
  void onDeadLetter(ConsumerRecord<String, byte[]> letter) {
    deliver(Optional.of(policy.alertFor(new DeadLetterNotice(header(letter, DeadLetterTopic.SERVICE_HEADER),
        header(letter, DeadLetterTopic.ORIGIN_HEADER), letter.key(), header(letter, DeadLetterTopic.REASON_HEADER),
        letter.topic() + "/" + letter.partition() + "/" + letter.offset()))));
  }

  private static String header(ConsumerRecord<String, byte[]> letter, String name) {
    Header header = letter.headers().lastHeader(name);
    return header == null ? "(unknown)" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private void deliver(Optional<Alert> alert) {
    alert.ifPresent(a -> {
      log.info("ALERT [{}] {}", a.severity(), a.text().replace('\n', ' '));
      dispatcher.dispatch(a);
    });
  }
}
