package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.detector.domain.ChangeAnnouncer;
import io.deltapromotion.detector.domain.Detection;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Announces a detection as a TableChanged event, keyed by the source table, and waits for the broker's ack. */
@Component
class KafkaChangeAnnouncer implements ChangeAnnouncer {

  private static final Logger log = LoggerFactory.getLogger(KafkaChangeAnnouncer.class);
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final EventEnvelopes envelopes;
  private final DetectorProperties properties;

  KafkaChangeAnnouncer(KafkaTemplate<String, SpecificRecord> kafka, EventEnvelopes envelopes, DetectorProperties properties) {
    this.kafka = kafka;
    this.envelopes = envelopes;
    this.properties = properties;
  }

  @Override
  public void announce(Detection detection) {
    TableChanged event = toEvent(detection);
    try {
      kafka.send(EventTopics.TABLE_CHANGED.name(), event.getSourceTable(), event).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while announcing " + event.getSourceTable(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not announce " + event.getSourceTable() + " version "
          + event.getSourceVersion() + ": " + e.getMessage(), e);
    }
    log.info("Announced {} version {} as {} (promotion {})", event.getSourceTable(), event.getSourceVersion(),
        event.getChangeCategory(), event.getEnvelope().getCorrelationId());
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
        .setReleaseTag(detection.mapping().releaseTag())
        .setOrigin(ChangeOrigin.DETECTOR)
        .setDeltaOperation(detection.operation())
        .setCommitTime(detection.commitTime() == null ? null : detection.commitTime().truncatedTo(ChronoUnit.MILLIS))
        .setKeyColumns(detection.mapping().keyColumns().stream().map(Identifier::value).toList())
        .build();
  }
}
