package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.PipelineCommit;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.warehouse.TableName;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each pipeline commit to the detector, which announces it at once. A malformed event, an
 * unwatched or unknown table or a version that does not exist is rejected to the dead-letter topic.
 */
@Component
class PipelineCommittedListener {

  private final ChangeDetector detector;

  PipelineCommittedListener(ChangeDetector detector) {
    this.detector = detector;
  }

  @KafkaListener(id = "detector-pipeline-commits", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PIPELINE_COMMITTED.name()}")
  void onPipelineCommitted(PipelineCommitted event) {
    detector.onPipelineCommit(toCommit(event));
  }

  static PipelineCommit toCommit(PipelineCommitted event) {
    return new PipelineCommit(event.getEventId(), TableName.parse(event.getTable()), event.getVersion(),
        event.getReleaseTag(), event.getPipeline(), event.getRunId());
  }
}
