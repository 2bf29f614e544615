package io.deltapromotion.promoter.http;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.CommandItem;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.PromotionPlan;
import io.deltapromotion.promoter.domain.ReleasePromoter;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/promote}, JSON {@code {table | release, stage, version?, reason?}}: one
 * table version (by default the one the stage before holds; for the second stage, the newest reported)
 * or every table of a release into the stage now, as one unit. The order stands for the approval; every
 * other gate must hold for every table, or nothing is written (409 naming each table's problem).
 */
@RestController
class PromoteController extends CommandEndpoint {

  private final ReleasePromoter releases;
  private final EventEnvelopes envelopes;
  private final OperatorGrants grants;

  PromoteController(ReleasePromoter releases, EventPublisher publisher, EventEnvelopes envelopes, OperatorGrants grants) {
    super(publisher);
    this.grants = grants;
    this.releases = releases;
    this.envelopes = envelopes;
  }

  @PostMapping(path = PATH + "/promote", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> promote(@RequestBody CommandRequest request,
      @RequestParam(name = "dry-run", required = false) String dryRunFlag, HttpServletRequest http) {
    if ((request.table() == null) == (request.release() == null)) {
      throw new IllegalArgumentException("name either a table or a release");
    }
    if (request.release() != null && request.version() != null) {
      throw new IllegalArgumentException("a release names its own versions; leave version out");
    }
    String actor = BearerTokenInterceptor.principal(http);
    PromotionPlan plan = releases.plan(request.requireStage(), request.release(),
        request.table() == null ? null : TableName.parse(request.table()), request.version(), actor);
    grants.require(actor, OperatorGrants.Action.PROMOTE, plan.stage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", CommandAction.PROMOTE.name());
    if (plan.releaseTag() != null) {
      body.put("release", plan.releaseTag());
    }
    body.put("stage", plan.stage());
    body.put("actor", actor);
    body.put("steps", plan.steps().stream().map(PromoteController::describe).toList());
    List<PromotionPlan.Step> steps = plan.steps();
    String what = plan.releaseTag() == null ? "version " + steps.get(0).item().version() + " of " + steps.get(0).item().source()
        : "release " + plan.releaseTag() + " (" + steps.size() + " table(s): " + steps.stream()
            .map(step -> step.item().source() + " v" + step.item().version()).toList() + ")";
    String text = "promote " + what + " into " + plan.stage() + (steps.size() > 1 ? ", each table cloned by its owner "
        + "once every one may enter; if one fails, the ones cloned are rolled back" : "");
    OperatorCommand command = OperatorCommand.newBuilder()
        .setEnvelope(envelopes.first())
        .setAction(CommandAction.PROMOTE)
        .setTable(steps.get(0).item().source().toString())
        .setVersion(steps.get(0).item().version())
        .setStage(plan.stage())
        .setActor(actor)
        .setReason(request.reason())
        .setReleaseTag(plan.releaseTag())
        .setItems(steps.stream().map(step -> CommandItem.newBuilder().setTable(step.item().source().toString())
            .setVersion(step.item().version()).build()).toList())
        .build();
    return answer(body, text, dryRun(dryRunFlag), command);
  }

  private static Map<String, Object> describe(PromotionPlan.Step step) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("table", step.item().source().toString());
    described.put("version", step.item().version());
    described.put("target", step.target().toString());
    described.put("targetHolds", step.heldNow());
    described.put("action", step.alreadyThere() ? "none: it holds this version already" : "clone");
    return described;
  }
}
