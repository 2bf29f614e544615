package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.GovernanceTables;
import io.deltapromotion.detector.domain.PromotionCandidates;
import io.deltapromotion.detector.domain.SchemaSnapshots;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each governance table from the log, each in its own consumer group reading one event at a time:
 * the tables never delay a detection, a warehouse outage only delays them, and resetting a group's
 * offsets to the beginning rebuilds its table (rows already there are kept, not duplicated).
 */
@Component
@ConditionalOnBooleanProperty(name = "deltapromotion.detector.governance.enabled", matchIfMissing = true)
class GovernanceTablesListener {

  static final String CANDIDATES_GROUP = "detector-service-promotion-candidates";
  static final String SNAPSHOTS_GROUP = "detector-service-schema-snapshots";
  static final String REGISTRY_GROUP = "detector-service-table-registry";

  private final GovernanceTables tables;

  GovernanceTablesListener(GovernanceTables tables) {
    this.tables = tables;
  }

  @KafkaListener(id = "detector-promotion-candidates", groupId = CANDIDATES_GROUP, concurrency = "1",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).TABLE_CHANGED.name()}")
  void candidate(TableChanged changed) {
    tables.announced(new PromotionCandidates.Candidate(changed.getEnvelope().getEventId().toString(),
        changed.getEnvelope().getCorrelationId().toString(), TableName.parse(changed.getSourceTable()),
        TableName.parse(changed.getTargetTable()), changed.getChangeCategory().name(), changed.getSourceVersion(),
        changed.getTargetPromotedVersion(), changed.getSourceEnvironment(), changed.getTargetEnvironment(),
        changed.getReleaseTag(), changed.getEnvelope().getOccurredAt()));
  }

  @KafkaListener(id = "detector-schema-snapshots", groupId = SNAPSHOTS_GROUP, concurrency = "1",
      topics = {"#{T(io.deltapromotion.schemas.topics.EventTopics).TABLE_CHANGED.name()}",
          "#{T(io.deltapromotion.schemas.topics.EventTopics).PROMOTION_DONE.name()}"})
  void snapshot(ConsumerRecord<String, Object> record) {
    Object event = record.value();
    if (event instanceof TableChanged changed && changed.getChangeCategory() != ChangeCategory.MISSING_SOURCE
        && changed.getSourceVersion() != null) {
      tables.announcedSchema(new SchemaSnapshots.Snapshot(changed.getEnvelope().getEventId().toString(),
          TableName.parse(changed.getSourceTable()), changed.getSourceVersion(), changed.getSourceEnvironment(),
          changed.getSchemaFingerprint(), changed.getEnvelope().getOccurredAt()));
    } else if (event instanceof PromotionDone done) {
      written(done).ifPresent(tables::writtenSchema);
    }
  }

  @KafkaListener(id = "detector-table-registry", groupId = REGISTRY_GROUP, concurrency = "1",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PROMOTION_DONE.name()}")
  void holding(PromotionDone done) {
    written(done).ifPresent(tables::held);
  }

  /** A final outcome that wrote its stage (a clone, or a rollback); nothing for the others. */
  private static Optional<GovernanceTables.Written> written(PromotionDone done) {
    boolean wrote = done.getStatus() == PromotionStatus.PROMOTED || done.getStatus() == PromotionStatus.ROLLED_BACK;
    if (!wrote || done.getWaitingFor() != null || done.getSourceVersion() == null || done.getTargetDeltaVersion() == null) {
      return Optional.empty();
    }
    return Optional.of(new GovernanceTables.Written(done.getEnvelope().getEventId().toString(),
        TableName.parse(done.getSourceTable()), done.getSourceVersion(), TableName.parse(done.getTargetTable()),
        done.getTargetDeltaVersion(), done.getTargetEnvironment(), done.getStatus().name(), done.getEnvelope().getOccurredAt()));
  }
}
