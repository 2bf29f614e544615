package io.deltapromotion.promoter.http;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.CommandRefusedException;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.DecisionTarget;
import io.deltapromotion.promoter.domain.LadderPromoter;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/approve} and {@code .../reject}: an operator's decision about a version
 * entering a stage, JSON {@code {table, stage?, version?, reason?}}: the hop of the table that waits for
 * an approval (into the stage, when several wait), or, with both version and stage, that version in advance.
 */
@RestController
class DecisionController extends CommandEndpoint {

  private final LadderPromoter ladder;
  private final EventEnvelopes envelopes;
  private final OperatorGrants grants;

  DecisionController(LadderPromoter ladder, EventPublisher publisher, EventEnvelopes envelopes, OperatorGrants grants) {
    super(publisher);
    this.grants = grants;
    this.ladder = ladder;
    this.envelopes = envelopes;
  }

  @PostMapping(path = PATH + "/{action}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> decide(@PathVariable String action, @RequestBody CommandRequest request,
      @RequestParam(name = "dry-run", required = false) String dryRunFlag, HttpServletRequest http) {
    CommandAction kind = switch (action) {
      case "approve" -> CommandAction.APPROVE;
      case "reject" -> CommandAction.REJECT;
      default -> throw new CommandRefusedException("unknown command '" + action + "': approve, reject, promote or rollback",
          true);
    };
    if (request.table() == null) {
      throw new IllegalArgumentException("table is missing");
    }
    String actor = BearerTokenInterceptor.principal(http);
    DecisionTarget target = ladder.decisionTarget(TableName.parse(request.table()), request.stage(), request.version());
    grants.require(actor, OperatorGrants.Action.APPROVE, target.stage());
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
    return answer(body, plan, dryRun(dryRunFlag), command);
  }
}
