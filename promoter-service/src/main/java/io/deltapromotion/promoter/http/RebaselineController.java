package io.deltapromotion.promoter.http;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.CommandItem;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.promoter.domain.Ladder;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.RebaselineCommand;
import io.deltapromotion.promoter.domain.Rebaseliner;
import io.deltapromotion.promoter.messaging.RebaselineRuns;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/rebaseline}, JSON {@code {from, into?, tag?, reason?}}: every table of the
 * baseline schema {@code from}, pinned at its current version, is cloned into the first-stage schema
 * {@code into} (needed only when the first stage has several) and announced tagged {@code tag} (default
 * BASELINE_YYYYMM of this month), so QC runs on each and the baseline climbs the ladder as a release.
 * {@code GET} on the same path: the progress of the recent rebaselines (n of m tables done, failures).
 */
@RestController
class RebaselineController extends CommandEndpoint {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private final Rebaseliner rebaseliner;
  private final RebaselineRuns runs;
  private final Ladder ladder;
  private final EventEnvelopes envelopes;
  private final OperatorGrants grants;

  RebaselineController(Rebaseliner rebaseliner, RebaselineRuns runs, Ladder ladder, EventPublisher publisher,
      EventEnvelopes envelopes, OperatorGrants grants) {
    super(publisher);
    this.grants = grants;
    this.rebaseliner = rebaseliner;
    this.runs = runs;
    this.ladder = ladder;
    this.envelopes = envelopes;
  }

  /** The body of a rebaseline. */
  record RebaselineRequest(String from, String into, String tag, String reason) {}

  @PostMapping(path = PATH + "/rebaseline", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> rebaseline(@RequestBody RebaselineRequest request,
      @RequestParam(name = "dry-run", required = false) String dryRunFlag, HttpServletRequest http) {
    if (request.from() == null) {
      throw new IllegalArgumentException("from (the baseline schema) is missing");
    }
    String actor = BearerTokenInterceptor.principal(http);
    grants.require(actor, OperatorGrants.Action.REBASELINE, ladder.stage(0).name());
    String tag = request.tag() != null ? request.tag() : "BASELINE_" + YearMonth.now(Clock.systemUTC()).format(MONTH);
    EventEnvelope envelope = envelopes.first();
    RebaselineCommand plan = rebaseliner.plan(SchemaName.parse(request.from()),
        request.into() == null ? null : SchemaName.parse(request.into()), tag, envelope.getEventId().toString(), actor,
        request.reason());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", CommandAction.REBASELINE.name());
    body.put("from", request.from());
    body.put("into", plan.into().toString());
    body.put("tag", plan.tag());
    body.put("actor", actor);
    body.put("steps", plan.items().stream().map(item -> {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("table", item.source().toString());
      step.put("version", item.version());
      step.put("target", plan.into().table(item.source().table()).toString());
      step.put("action", "clone, then announce for QC as " + plan.tag());
      return step;
    }).toList());
    String text = "rebaseline " + ladder.stage(0).name() + " schema " + plan.into() + " from " + request.from() + " ("
        + plan.items().size() + " table(s), each at its current version) as " + plan.tag()
        + "; QC then runs on every table, and the baseline climbs the ladder as release " + plan.tag();
    OperatorCommand command = OperatorCommand.newBuilder()
        .setEnvelope(envelope)
        .setAction(CommandAction.REBASELINE)
        .setTable(plan.items().get(0).source().toString())
        .setVersion(plan.items().get(0).version())
        .setStage(ladder.stage(0).name())
        .setActor(actor)
        .setReason(request.reason())
        .setReleaseTag(plan.tag())
        .setTargetSchema(plan.into().toString())
        .setItems(plan.items().stream().map(item -> CommandItem.newBuilder().setTable(item.source().toString())
            .setVersion(item.version()).build()).toList())
        .build();
    return answer(body, text, dryRun(dryRunFlag), command);
  }

  @GetMapping(path = PATH + "/rebaseline", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> progress() {
    return Map.of("rebaselines", runs.all());
  }
}
