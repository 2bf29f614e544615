package io.deltapromotion.promoter.http;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.http.JsonEndpoint;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.CommandRefusedException;
import io.deltapromotion.promoter.domain.DecisionTarget;
import io.deltapromotion.promoter.domain.LadderPromoter;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/approve} and {@code .../reject}: an operator's decision about a version
 * entering a stage. The command is checked against the ladder and what waits, then written to the
 * operator-commands topic (the log of who decided what), from which the promoter carries it out. 202
 * means it is durably queued; with {@code ?dry-run=true} the answer is the plan and nothing is written.
 */
@RestController
class CommandController extends JsonEndpoint {

  static final String PATH = "/api/v1/commands";
  private static final Logger log = LoggerFactory.getLogger(CommandController.class);

  private final LadderPromoter ladder;
  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;

  CommandController(LadderPromoter ladder, EventPublisher publisher, EventEnvelopes envelopes) {
    super("command");
    this.ladder = ladder;
    this.publisher = publisher;
    this.envelopes = envelopes;
  }

  @PostMapping(path = PATH + "/{action}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> decide(@PathVariable String action, @RequestBody CommandRequest request,
      @RequestParam(name = "dry-run", defaultValue = "false") boolean dryRun, HttpServletRequest http) {
    CommandAction kind = switch (action) {
      case "approve" -> CommandAction.APPROVE;
      case "reject" -> CommandAction.REJECT;
      default -> throw new CommandRefusedException("unknown command '" + action + "': approve or reject", true);
    };
    if (request.table() == null) {
      throw new IllegalArgumentException("table is missing");
    }
    String actor = BearerTokenInterceptor.principal(http);
    DecisionTarget target = ladder.decisionTarget(TableName.parse(request.table()), request.stage(), request.version());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", kind.name());
    body.put("table", target.source().toString());
    body.put("version", target.version());
    body.put("stage", target.stage());
    body.put("actor", actor);
    String verb = kind == CommandAction.APPROVE ? "approve" : "reject";
    String plan = verb + " version " + target.version() + " of " + target.source() + " entering " + target.stage()
        + (target.waiting() == null ? ", in advance (nothing waits for it yet)" : " (it waits for " + target.waiting() + ")")
        + (kind == CommandAction.APPROVE ? "; its other gates still apply" : "; its promotion into " + target.stage()
            + " ends BLOCKED");
    if (dryRun) {
      body.put("dryRun", true);
      body.put("plan", "would " + plan);
      return ResponseEntity.ok(body);
    }
    OperatorCommand command = OperatorCommand.newBuilder()
        .setEnvelope(target.promotionId() == null ? envelopes.first()
            : envelopes.within(UUID.fromString(target.promotionId()), null))
        .setAction(kind)
        .setTable(target.source().toString())
        .setVersion(target.version())
        .setStage(target.stage())
        .setActor(actor)
        .setReason(request.reason())
        .build();
    publisher.publish(EventTopics.OPERATOR_COMMANDS, command.getTable(), command);
    log.info("{} asked to {}", actor, plan);
    body.put("commandId", command.getEnvelope().getEventId().toString());
    body.put("plan", plan);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> malformed(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(CommandRefusedException e) {
    return error(e.unknown() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<Map<String, Object>> unavailable(IllegalStateException e) {
    log.warn("Could not accept a command: {}", e.getMessage());
    return error(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept the command right now, retry later: " + e.getMessage());
  }
}
