package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.CarriedComment;
import io.deltapromotion.promoter.domain.PromotionRequest;
import io.deltapromotion.promoter.domain.QcVerdict;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** Hands each quality report to the ladder: the first hop of its version, and whatever follows from it. */
@Component
class QcReportHandler {

  private final LadderDriver ladder;

  QcReportHandler(LadderDriver ladder) {
    this.ladder = ladder;
  }

  void onQcCompleted(ConsumerRecord<?, ?> record, QcCompleted report) {
    ladder.onReport(record, report, toRequest(report));
  }

  /** What the promotion log keeps of the report; null when it names no version (the source was missing). */
  static QcVerdict verdict(QcCompleted report) {
    return report.getVersion() == null ? null : new QcVerdict(TableName.parse(report.getTable()), report.getVersion(),
        report.getStatus().name(), report.getStatus() == QcStatus.PASS || report.getStatus() == QcStatus.WARN, report.getEnvelope().getOccurredAt(),
        report.getEnvelope().getCorrelationId().toString(), report.getReleaseTag(),
        report.getApprovalRequiredFor(),
        report.getSourceComment() == null ? null : new CarriedComment(report.getSourceComment().getText()));
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
}
