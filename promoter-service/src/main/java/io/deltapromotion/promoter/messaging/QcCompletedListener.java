package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.CloneType;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.HandledPromotions;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionRequest;
import io.deltapromotion.promoter.domain.Promoter;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Acts on each quality report and publishes its PromotionDone, once per promotion. */
@Component
class QcCompletedListener {

  private static final Logger log = LoggerFactory.getLogger(QcCompletedListener.class);
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Promoter promoter;
  private final HandledPromotions handled;
  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final EventEnvelopes envelopes;

  QcCompletedListener(Promoter promoter, HandledPromotions handled, KafkaTemplate<String, SpecificRecord> kafka,
      EventEnvelopes envelopes) {
    this.promoter = promoter;
    this.handled = handled;
    this.kafka = kafka;
    this.envelopes = envelopes;
  }

  @KafkaListener(id = "promoter", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).QC_COMPLETED.name()}")
  void onQcCompleted(QcCompleted report) {
    PromotionRequest request = toRequest(report);
    if (handled.contains(request.promotionId())) {
      log.info("Promotion {} of {} already has its PromotionDone; ignoring this report {}", request.promotionId(),
          request.source(), report.getEnvelope().getEventId());
      return;
    }
    PromotionOutcome outcome = promoter.promote(request);
    PromotionDone done = toEvent(report, request, outcome);
    try {
      kafka.send(EventTopics.PROMOTION_DONE.name(), done.getSourceTable(), done).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the outcome of promotion " + request.promotionId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not publish the outcome of promotion " + request.promotionId() + ": "
          + e.getMessage(), e);
    }
    handled.add(request.promotionId());
    log.info("{} {} version {} -> {}{} (promotion {})", done.getStatus(), done.getSourceTable(), done.getSourceVersion(),
        done.getTargetTable(), done.getError() == null ? "" : ": " + done.getError(), request.promotionId());
  }

  static PromotionRequest toRequest(QcCompleted report) {
    boolean passed = report.getStatus() == QcStatus.PASS || report.getStatus() == QcStatus.WARN;
    String problems = report.getChecks().stream()
        .filter(check -> check.getStatus() != CheckStatus.PASS && check.getStatus() != CheckStatus.WARN)
        .map(check -> check.getName() + ": " + check.getMessage())
        .collect(Collectors.joining("; "));
    if (!passed && problems.isEmpty()) {
      problems = "status " + report.getStatus();
    }
    return new PromotionRequest(report.getEnvelope().getCorrelationId().toString(),
        TableName.parse(report.getTable()), report.getVersion(), TableName.parse(report.getTargetTable()),
        passed, problems, report.getChangeCategory() == ChangeCategory.NO_CHANGE, report.getReleaseTag());
  }

  private PromotionDone toEvent(QcCompleted cause, PromotionRequest request, PromotionOutcome outcome) {
    return PromotionDone.newBuilder()
        .setEnvelope(envelopes.causedBy(cause.getEnvelope()))
        .setSourceTable(request.source().toString())
        .setSourceVersion(request.version())
        .setTargetTable(request.target().toString())
        .setTargetEnvironment(cause.getTargetEnvironment())
        .setStatus(io.deltapromotion.events.PromotionStatus.valueOf(outcome.status().name()))
        .setCloneType(outcome.cloned() ? CloneType.SHALLOW : null)
        .setReleaseTag(request.releaseTag())
        .setTargetDeltaVersion(outcome.targetDeltaVersion())
        .setPreviousPromotedVersion(outcome.previousPromotedVersion())
        .setError(outcome.message())
        .build();
  }
}
