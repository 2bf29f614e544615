package io.deltapromotion.detector.http;

import io.deltapromotion.detector.domain.ChangeDetector;
import io.deltapromotion.detector.domain.PipelineCommit;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.http.JsonEndpoint;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/pipeline-commits}: the HTTP way for a pipeline to announce its commit. The commit
 * is checked against the warehouse at once (watched table, existing version: 4xx with the reason
 * otherwise), pinned to a version, and written to the pipeline-commits topic, from which the detector
 * announces it like any pipeline event. 202 means it is durably queued; the answer carries its event id.
 */
@RestController
class PipelineCommitController extends JsonEndpoint {

  static final String PATH = "/api/v1/pipeline-commits";
  private static final Logger log = LoggerFactory.getLogger(PipelineCommitController.class);

  private final ChangeDetector detector;
  private final EventPublisher publisher;
  private final Clock clock;

  PipelineCommitController(ChangeDetector detector, EventPublisher publisher, Clock clock) {
    super("pipeline commit");
    this.detector = detector;
    this.publisher = publisher;
    this.clock = clock;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> accept(@RequestBody PipelineCommitRequest request) {
    if (request.table() == null) {
      throw new IllegalArgumentException("table is missing");
    }
    String eventId = request.eventId() == null ? UUID.randomUUID().toString() : request.eventId();
    PipelineCommit commit = new PipelineCommit(eventId, TableName.parse(request.table()), request.version(),
        request.releaseTag(), request.pipeline(), request.runId());
    long version = detector.check(commit);
    publisher.publish(EventTopics.PIPELINE_COMMITTED, commit.table().toString(), PipelineCommitted.newBuilder()
        .setEventId(eventId)
        .setTable(commit.table().toString())
        .setVersion(version)
        .setReleaseTag(commit.releaseTag())
        .setPipeline(commit.pipeline())
        .setRunId(commit.runId())
        .setOccurredAt(clock.instant())
        .build());
    log.info("Accepted {} version {} from {} over HTTP", commit.table(), version, commit.describe());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", eventId);
    body.put("table", commit.table().toString());
    body.put("version", version);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }

  @ExceptionHandler(RejectedEventException.class)
  ResponseEntity<Map<String, Object>> rejected(RejectedEventException e) {
    return error(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }

  @ExceptionHandler({WarehouseException.class, IllegalStateException.class})
  ResponseEntity<Map<String, Object>> notNow(RuntimeException e) {
    log.warn("Could not accept a pipeline commit: {}", e.getMessage());
    return error(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept the commit right now, retry later: " + e.getMessage());
  }
}
