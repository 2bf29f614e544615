package io.deltapromotion.qc.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.qc.domain.ArchivedReport;
import io.deltapromotion.qc.domain.ReportArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies every QcCompleted into the report table, unless {@code deltapromotion.qc.reports.enabled} is false. It
 * reads the topic in its own consumer group, {@value #GROUP}, one event at a time: archiving never
 * delays an audit, a warehouse outage only delays the copy, and resetting the group's offsets rebuilds
 * the table from the log (rows already there are kept, not duplicated).
 */
@Component
@ConditionalOnBooleanProperty(name = "deltapromotion.qc.reports.enabled", matchIfMissing = true)
class ReportArchiveListener {

  static final String GROUP = "qc-service-report-archive";

  private static final Logger log = LoggerFactory.getLogger(ReportArchiveListener.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReportArchive archive;

  ReportArchiveListener(ReportArchive archive) {
    this.archive = archive;
  }

  @KafkaListener(id = "qc-report-archive", groupId = GROUP, concurrency = "1",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).QC_COMPLETED.name()}")
  void onQcCompleted(QcCompleted report) {
    boolean written = archive.archive(toArchived(report));
    log.debug("{} report {} of {} version {} in {}", written ? "Archived" : "Already archived",
        report.getEnvelope().getEventId(), report.getTable(), report.getVersion(), archive.table());
  }

  static ArchivedReport toArchived(QcCompleted report) {
    return new ArchivedReport(report.getEnvelope().getEventId().toString(),
        report.getEnvelope().getCorrelationId().toString(), report.getReleaseTag(), TableName.parse(report.getTable()),
        report.getVersion(), TableName.parse(report.getTargetTable()), report.getStatus().name(), json(report),
        report.getEnvelope().getOccurredAt());
  }

  private static String json(QcCompleted report) {
    ObjectNode json = JSON.createObjectNode()
        .put("eventId", report.getEnvelope().getEventId().toString())
        .put("table", report.getTable())
        .put("version", report.getVersion())
        .put("targetTable", report.getTargetTable())
        .put("targetEnvironment", report.getTargetEnvironment())
        .put("status", report.getStatus().name())
        .put("changeCategory", report.getChangeCategory() == null ? null : report.getChangeCategory().name())
        .put("releaseTag", report.getReleaseTag())
        .put("rowCount", report.getRowCount())
        .put("durationMillis", report.getDurationMillis());
    if (report.getApprovalRequiredFor() != null) {
      json.put("approvalRequiredFor", report.getApprovalRequiredFor());
    }
    ArrayNode checks = json.putArray("checks");
    for (CheckResult check : report.getChecks()) {
      checks.addObject().put("name", check.getName()).put("status", check.getStatus().name())
          .put("observedValue", check.getObservedValue()).put("threshold", check.getThreshold())
          .put("message", check.getMessage());
    }
    return json.toString();
  }
}
