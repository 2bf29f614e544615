package io.deltapromotion.promoter.http;

import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.JsonEndpoint;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.promoter.domain.CommandRefusedException;
import io.deltapromotion.promoter.domain.OperatorNotAllowedException;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Base of the command endpoints under {@value #PATH}: a command is checked against the ladder and what
 * the promoter knows, then written to the operator-commands topic (the log of who asked for what), from
 * which the promoter carries it out. 202 means it is durably queued; with {@code ?dry-run=true} the
 * answer (200) is the plan and nothing is written. 400: malformed; 403: the operator's grants do not
 * cover it; 409: it conflicts with the current state; 422: it names something that does not exist; 503:
 * the topic cannot be written now.
 */
abstract class CommandEndpoint extends JsonEndpoint {

  static final String PATH = "/api/v1/commands";
  private static final Logger log = LoggerFactory.getLogger(CommandEndpoint.class);

  private final EventPublisher publisher;

  CommandEndpoint(EventPublisher publisher) {
    super("command");
    this.publisher = publisher;
  }

  /** Answers with the plan: as a dry run, or after writing the command. */
  ResponseEntity<Map<String, Object>> answer(Map<String, Object> body, String plan, boolean dryRun, OperatorCommand command) {
    if (dryRun) {
      body.put("dryRun", true);
      body.put("plan", "would " + plan);
      return ResponseEntity.ok(body);
    }
    publisher.publish(EventTopics.OPERATOR_COMMANDS, command.getTable(), command);
    log.info("{} asked to {}", command.getActor(), plan);
    body.put("commandId", command.getEnvelope().getEventId().toString());
    body.put("plan", plan);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(CommandRefusedException e) {
    return error(e.unknown() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(OperatorNotAllowedException.class)
  ResponseEntity<Map<String, Object>> notAllowed(OperatorNotAllowedException e) {
    log.warn("Refused a command: {}", e.getMessage());
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<Map<String, Object>> notNow(IllegalStateException e) {
    log.warn("Could not accept a command: {}", e.getMessage());
    return error(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept the command right now, retry later: " + e.getMessage());
  }
}
