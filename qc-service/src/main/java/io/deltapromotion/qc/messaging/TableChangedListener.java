package io.deltapromotion.qc.messaging;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.qc.domain.AuditRequest;
import io.deltapromotion.qc.domain.CheckOutcome;
import io.deltapromotion.qc.domain.QualityAudit;
import io.deltapromotion.qc.domain.QualityReport;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Audits each TableChanged and publishes its QcCompleted, keyed by the source table: one report per
 * announcement, however often the announcement is delivered. The report and the announcement's offset
 * are committed in one transaction, as the owner of the announcement's partition: an instance that lost
 * the partition while auditing publishes nothing, and its next owner audits the announcement.
 */
@Component
class TableChangedListener {

  private static final Logger log = LoggerFactory.getLogger(TableChangedListener.class);

  private final QualityAudit audit;
  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;
  private final EventLogPromotionHistory history;
  private final PartitionOwnership ownership;
  private final TopicFollower follower;
  private final QcMeters meters;

  TableChangedListener(QualityAudit audit, EventPublisher publisher, EventEnvelopes envelopes,
      EventLogPromotionHistory history, PartitionOwnership ownership, TopicFollower promotionHistoryFollower,
      QcMeters meters) {
    this.audit = audit;
    this.publisher = publisher;
    this.envelopes = envelopes;
    this.history = history;
    this.ownership = ownership;
    this.follower = promotionHistoryFollower;
    this.meters = meters;
  }

  @KafkaListener(id = "qc-audit", idIsGroup = false, containerFactory = "ownedTablesContainerFactory",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).TABLE_CHANGED.name()}")
  void onTableChanged(ConsumerRecord<String, TableChanged> record) {
    try {
      audit(record);
    } catch (PartitionLostException lost) {
      log.info("Left {}/{}/{} (key {}) to the partition's next owner: {}", record.topic(), record.partition(),
          record.offset(), record.key(), lost.getMessage());
    }
  }

  private void audit(ConsumerRecord<String, TableChanged> record) {
    TableChanged event = record.value();
    if (event == null) {
      throw new RejectedEventException("the record at " + record.topic() + "/" + record.partition() + "/" + record.offset()
          + " holds no TableChanged");
    }
    if (history.hasReportOn(TableName.parse(event.getSourceTable()), event.getEnvelope().getEventId().toString())) {
      log.info("{} version {} was audited already (announcement {}); not reporting it twice", event.getSourceTable(),
          event.getSourceVersion(), event.getEnvelope().getEventId());
      publisher.publishAll(List.of(), ownership.claim(record));
      return;
    }
    Instant start = Instant.now();
    AuditRequest request = toRequest(event);
    QualityReport report = audit.audit(request);
    Duration took = Duration.between(start, Instant.now());
    QcCompleted completed = toEvent(event, report, took);
    follower.awaitReadBack(publisher.publishAll(
        List.of(new EventPublisher.Outgoing<>(EventTopics.QC_COMPLETED, completed.getTable(), completed)),
        ownership.claim(record)));
    meters.published(report, took);
    log.info("Audited {} version {}: {} (promotion {})", completed.getTable(), completed.getVersion(),
        completed.getStatus(), completed.getEnvelope().getCorrelationId());
  }

  static AuditRequest toRequest(TableChanged event) {
    TableName source = TableName.parse(event.getSourceTable());
    TableName target = TableName.parse(event.getTargetTable());
    if (event.getChangeCategory() == ChangeCategory.UNKNOWN) {
      throw new RejectedEventException("TableChanged for " + source + " has a change category this service does not know");
    }
    boolean missing = event.getChangeCategory() == ChangeCategory.MISSING_SOURCE;
    if (!missing && event.getSourceVersion() == null) {
      throw new RejectedEventException("TableChanged for " + source + " (" + event.getChangeCategory() + ") has no sourceVersion");
    }
    return new AuditRequest(source, target, event.getSourceVersion(), missing,
        event.getChangeCategory() == ChangeCategory.SCHEMA_CHANGE);
  }

  private QcCompleted toEvent(TableChanged cause, QualityReport report, Duration took) {
    return QcCompleted.newBuilder()
        .setEnvelope(envelopes.causedBy(cause.getEnvelope()))
        .setTable(TableName.parse(cause.getSourceTable()).toString())
        .setVersion(cause.getSourceVersion())
        .setTargetTable(TableName.parse(cause.getTargetTable()).toString())
        .setTargetEnvironment(cause.getTargetEnvironment())
        .setStatus(QcStatus.valueOf(report.verdict().name()))
        .setChecks(report.checks().stream().map(TableChangedListener::toResult).toList())
        .setRowCount(report.rowCount())
        .setDurationMillis(took.toMillis())
        .setChangeCategory(cause.getChangeCategory())
        .setReleaseTag(cause.getReleaseTag())
        .setApprovalRequiredFor(report.approvalRequiredFor())
        .setSourceComment(cause.getSourceComment())
        .build();
  }

  private static CheckResult toResult(CheckOutcome check) {
    return new CheckResult(check.name(), CheckStatus.valueOf(check.verdict().name()), check.observedValue(),
        check.threshold(), check.message());
  }
}
