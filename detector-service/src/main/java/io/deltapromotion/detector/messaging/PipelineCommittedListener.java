package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.PipelineCommit;
import io.deltapromotion.detector.domain.TableNotOwnedException;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership.Claim;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each pipeline commit to the detector, which announces it at once. A malformed event, an
 * unwatched or unknown table or a version that does not exist is rejected to the dead-letter topic.
 * An event keyed otherwise than by its table's name as this system writes it (a pipeline that wrote
 * {@code DAP_SILVER_PP.Orders}) sits in another partition than its table's: it is handed on, re-keyed, to
 * the table's owner, in the same transaction that consumes it, so the poll and the pipeline of one table
 * always meet in one instance.
 */
@Component
class PipelineCommittedListener {

  private static final Logger log = LoggerFactory.getLogger(PipelineCommittedListener.class);

  private final ChangeDetector detector;
  private final PartitionOwnership ownership;
  private final EventPublisher publisher;

  PipelineCommittedListener(ChangeDetector detector, PartitionOwnership ownership, EventPublisher publisher) {
    this.detector = detector;
    this.ownership = ownership;
    this.publisher = publisher;
  }

  @KafkaListener(id = "detector-pipeline-commits", idIsGroup = false, containerFactory = "ownedTablesContainerFactory",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PIPELINE_COMMITTED.name()}")
  void onPipelineCommitted(ConsumerRecord<String, PipelineCommitted> record) {
    if (record.value() == null) {
      throw new RejectedEventException("the record at " + record.topic() + "/" + record.partition() + "/" + record.offset()
          + " holds no PipelineCommitted");
    }
    PipelineCommit commit = toCommit(record.value());
    Claim consumed = ownership.claim(record);
    try {
      String key = commit.table().toString();
      if (ownership.partitionOf(key) != record.partition()) {
        publisher.publishAll(List.of(new EventPublisher.Outgoing<>(EventTopics.PIPELINE_COMMITTED, key, record.value())),
            consumed);
        log.info("Handed {} (keyed {}) on to the owner of {}", commit.describe(), record.key(), key);
        return;
      }
      detector.onPipelineCommit(commit);
      if (consumed.consumedPending()) {
        publisher.publishAll(List.of(), consumed);
      }
    } catch (PartitionLostException | TableNotOwnedException lost) {
      log.info("Left {}/{}/{} (key {}) to the partition's next owner: {}", record.topic(), record.partition(),
          record.offset(), record.key(), lost.getMessage());
    }
  }

  static PipelineCommit toCommit(PipelineCommitted event) {
    return new PipelineCommit(event.getEventId(), TableName.parse(event.getTable()), event.getVersion(),
        event.getReleaseTag(), event.getPipeline(), event.getRunId());
  }
}
