package io.deltapromotion.promoter.http;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.RollbackPlan;
import io.deltapromotion.promoter.domain.Rollbacks;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/rollback}, JSON {@code {table, stage, version?, reason?}}: the stage's
 * table returns to the previous good version (the one it held before the current one), or to the named
 * version it held. Ends in a ROLLED_BACK PromotionDone.
 */
@RestController
class RollbackController extends CommandEndpoint {

  private final Rollbacks rollbacks;
  private final EventEnvelopes envelopes;
  private final OperatorGrants grants;

  RollbackController(Rollbacks rollbacks, EventPublisher publisher, EventEnvelopes envelopes, OperatorGrants grants) {
    super(publisher);
    this.grants = grants;
    this.rollbacks = rollbacks;
    this.envelopes = envelopes;
  }

  @PostMapping(path = PATH + "/rollback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> rollBack(@RequestBody CommandRequest request,
      @RequestParam(name = "dry-run", required = false) String dryRunFlag, HttpServletRequest http) {
    if (request.table() == null) {
      throw new IllegalArgumentException("table is missing");
    }
    String actor = BearerTokenInterceptor.principal(http);
    RollbackPlan plan = rollbacks.plan(TableName.parse(request.table()), request.requireStage(), request.version());
    grants.require(actor, OperatorGrants.Action.ROLLBACK, plan.stage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", CommandAction.ROLLBACK.name());
    body.put("table", plan.source().toString());
    body.put("stage", plan.stage());
    body.put("target", plan.target().toString());
    body.put("fromVersion", plan.fromVersion());
    body.put("version", plan.toVersion());
    body.put("actor", actor);
    String text = "roll " + plan.target() + " back from version " + plan.fromVersion() + " to version " + plan.toVersion()
        + " of " + plan.source() + ": " + plan.method();
    OperatorCommand command = OperatorCommand.newBuilder()
        .setEnvelope(envelopes.first())
        .setAction(CommandAction.ROLLBACK)
        .setTable(plan.source().toString())
        .setVersion(plan.toVersion())
        .setStage(plan.stage())
        .setActor(actor)
        .setReason(request.reason())
        .build();
    return answer(body, text, dryRun(dryRunFlag), command);
  }
}
