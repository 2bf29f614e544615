package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.notifier.domain.Alert;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.AlertPolicy;
import io.deltapromotion.notifier.domain.PromotionNotice;
import io.deltapromotion.notifier.domain.QcNotice;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns quality reports and promotion outcomes into alerts, per the alert policy. */
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
        event.getTargetDeltaVersion(), event.getError(), event.getAwaiting())));
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

  private void deliver(Optional<Alert> alert) {
    alert.ifPresent(a -> {
      log.info("ALERT [{}] {}", a.severity(), a.text().replace('\n', ' '));
      dispatcher.dispatch(a);
    });
  }
}
