package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.CloneType;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.HandledPromotions;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionRequest;
import io.deltapromotion.promoter.domain.Promoter;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Acts on each quality report and publishes its PromotionDone, once per promotion. */
@Component
class QcCompletedListener {

  private static final Logger log = LoggerFactory.getLogger(QcCompletedListener.class);

  private final Promoter promoter;
  private final HandledPromotions handled;
  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;

  QcCompletedListener(Promoter promoter, HandledPromotions handled, EventPublisher publisher,
      EventEnvelopes envelopes) {
    this.promoter = promoter;
    this.handled = handled;
    this.publisher = publisher;
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
    publisher.publish(EventTopics.PROMOTION_DONE, done.getSourceTable(), done);
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
        passed, problems, report.getChangeCategory() == ChangeCategory.NO_CHANGE, report.getReleaseTag(),
        report.getApprovalRequiredFor());
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
