package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.notifier.domain.LineageRecorder;
import io.deltapromotion.notifier.domain.PromotionRun;
import io.deltapromotion.notifier.domain.QcReport;
import io.deltapromotion.notifier.domain.QcReports;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sends each promotion run as lineage. It reads the outcomes in its own consumer group, {@value #GROUP},
 * one at a time: a lineage endpoint that is down holds up neither the alerts nor the other services, and
 * resetting the group's offsets sends again only what the delivery log does not hold. Partitions it takes
 * over are acted on once the delivery log was read to its end ({@link AlertOwnership} does that for every
 * group), so a run another instance just sent is not sent again.
 */
@Component
@ConditionalOnExpression(LineageConfiguration.ENABLED)
class LineageListener {

  static final String GROUP = "notifier-service-lineage";

  private final LineageRecorder recorder;
  private final QcReports reports;
  private final TopicFollower qcReportFollower;

  LineageListener(LineageRecorder recorder, QcReports reports, @Qualifier("qcReportFollower") TopicFollower qcReportFollower) {
    this.recorder = recorder;
    this.reports = reports;
    this.qcReportFollower = qcReportFollower;
  }

  @KafkaListener(id = "notifier-lineage", groupId = GROUP, concurrency = "1",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PROMOTION_DONE.name()}")
  void onPromotionDone(PromotionDone outcome, Consumer<?, ?> consumer) {
    Long version = outcome.getSourceVersion();
    if (!PromotionRun.isRun(outcome.getStatus().name(), version)) {
      return;
    }
    recorder.record(new PromotionRun(outcome.getEnvelope().getEventId().toString(),
        outcome.getEnvelope().getCorrelationId().toString(), !"FAILED".equals(outcome.getStatus().name()),
        outcome.getSourceTable(), version, outcome.getTargetTable(), outcome.getTargetEnvironment(),
        outcome.getTargetDeltaVersion(), outcome.getReleaseTag(), outcome.getError(),
        outcome.getEnvelope().getOccurredAt(), report(outcome.getSourceTable(), version, consumer)));
  }

  /**
   * The report was published before the outcome, but on another topic this instance may not have read as
   * far yet: when it is not known, the reports are read to their end as they stand now, and looked up again.
   */
  private Optional<QcReport> report(String table, long version, Consumer<?, ?> consumer) {
    Optional<QcReport> report = reports.find(table, version);
    if (report.isPresent()) {
      return report;
    }
    qcReportFollower.catchUpAll(consumer);
    return reports.find(table, version);
  }
}
