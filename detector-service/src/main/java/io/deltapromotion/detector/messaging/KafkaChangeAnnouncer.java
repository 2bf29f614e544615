package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.detector.domain.ChangeAnnouncer;
import io.deltapromotion.detector.domain.Detection;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.SourceComment;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.failure.BrokerUnavailableException;
import io.deltapromotion.detector.domain.TableNotOwnedException;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import java.util.List;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Announces a detection as a TableChanged event, keyed by the source table, in a transaction that commits
 * the table's partition's offsets as its owner (so an instance that lost the table announces nothing),
 * and returns once the announcement was read back; reports a table skipped for its name on the
 * detector's dead-letter topic, and returns once every instance can read the report.
 */
@Component
class KafkaChangeAnnouncer implements ChangeAnnouncer {

  private static final Logger log = LoggerFactory.getLogger(KafkaChangeAnnouncer.class);

  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;
  private final DetectorProperties properties;
  private final Producer<byte[], byte[]> deadLetters;
  private final PartitionOwnership ownership;
  private final TopicFollower announcements;
  private final TopicFollower skipReports;

  KafkaChangeAnnouncer(EventPublisher publisher, EventEnvelopes envelopes, DetectorProperties properties,
      Producer<byte[], byte[]> deadLetterProducer, PartitionOwnership ownership,
      @Qualifier("announcementFollower") TopicFollower announcements,
      @Qualifier("skipReportFollower") TopicFollower skipReports) {
    this.publisher = publisher;
    this.ownership = ownership;
    this.announcements = announcements;
    this.skipReports = skipReports;
    this.envelopes = envelopes;
    this.properties = properties;
    this.deadLetters = deadLetterProducer;
  }

  @Override
  public void skipped(SchemaTables.RefusedName table) {
    try {
      skipReports.awaitReadBack(List.of(deadLetters.send(
          SkippedTableReports.toRecord(EventTopics.DETECTOR_DEAD_LETTER.name(), envelopes.service(), table)).get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("interrupted while reporting skipped table " + table.name(), e);
    } catch (ExecutionException e) {
      throw new BrokerUnavailableException("could not report skipped table " + table.name() + ": "
          + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void announce(Detection detection) {
    TableChanged event = toEvent(detection);
    try {
      announcements.awaitReadBack(publisher.publishAll(List.of(
          new EventPublisher.Outgoing<>(EventTopics.TABLE_CHANGED, event.getSourceTable(), event)),
          ownership.claim(event.getSourceTable())));
    } catch (PartitionLostException lost) {
      throw new TableNotOwnedException(lost.getMessage(), lost);
    }
    log.info("Announced {} version {} as {} (origin {}, promotion {})", event.getSourceTable(), event.getSourceVersion(),
        event.getChangeCategory(), event.getOrigin(), event.getEnvelope().getCorrelationId());
  }

  TableChanged toEvent(Detection detection) {
    return TableChanged.newBuilder()
        .setEnvelope(envelopes.first())
        .setSourceTable(detection.mapping().source().toString())
        .setTargetTable(detection.mapping().target().toString())
        .setSourceEnvironment(properties.sourceEnvironment())
        .setTargetEnvironment(properties.targetEnvironment())
        .setSourceVersion(detection.version())
        .setChangeCategory(ChangeCategory.valueOf(detection.category().name()))
        .setSchemaFingerprint(detection.schemaFingerprint())
        .setTargetPromotedVersion(detection.targetPromotedVersion())
        .setReleaseTag(detection.releaseTag())
        .setOrigin(detection.fromPipeline() ? ChangeOrigin.PIPELINE : ChangeOrigin.DETECTOR)
        .setPipelineRun(detection.pipelineRun())
        .setDeltaOperation(detection.operation())
        .setCommitTime(detection.commitTime() == null ? null : detection.commitTime().truncatedTo(ChronoUnit.MILLIS))
        .setKeyColumns(detection.keyColumns().stream().map(Identifier::value).toList())
        .setSourceComment(detection.version() == null ? null : new SourceComment(detection.sourceComment().orElse(null)))
        .build();
  }
}
