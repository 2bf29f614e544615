package io.deltapromotion.registryservice.http;

import io.deltapromotion.infrastructure.http.JsonEndpoint;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.registryservice.domain.HopStatus;
import io.deltapromotion.registryservice.domain.LedgerMoment;
import io.deltapromotion.registryservice.domain.LedgerNotReplayedException;
import io.deltapromotion.registryservice.domain.Page;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.registryservice.domain.LedgerEvent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's questions over HTTP, read-only, under {@value #PATH}. Every one takes {@code at} (an
 * ISO-8601 instant; now when absent) and answers as the promotion log stood then. 400: a malformed
 * instant, page or table name; 404: a table, promotion or release no event named by then; 503: the log
 * is still being read to its end (at start-up).
 */
@RestController
@RequestMapping(RegistryController.PATH)
class RegistryController extends JsonEndpoint {

  static final String PATH = "/api/v1";
  static final int MAX_PAGE_SIZE = 500;
  static final int MAX_TABLES = 500;
  static final Set<String> INCIDENT_STATUSES = Set.of("PROMOTED", "SKIPPED", "BLOCKED", "FAILED", "ROLLED_BACK");

  private final PromotionLedger ledger;
  private final Clock clock;

  RegistryController(PromotionLedger ledger, Clock clock) {
    super("query");
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Every table: its newest pre-prod version, that version's verdict, each stage it reached. */
  @GetMapping("/tables")
  Answers.Tables tables(@RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    return new Answers.Tables(moment.at(), moment.tables().stream().map(Answers.Table::of).toList());
  }

  @GetMapping("/tables/{table}")
  Answers.OneTable table(@PathVariable String table, @RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    String name = tableName(table);
    return new Answers.OneTable(moment.at(),
        Answers.Table.of(moment.table(name).orElseThrow(() -> unknownTable(name, moment))));
  }

  /** The table's events, newest first, a page at a time. */
  @GetMapping("/tables/{table}/history")
  Answers.History history(@PathVariable String table, @RequestParam(required = false) String at,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("size is at most " + MAX_PAGE_SIZE + ", not " + size);
    }
    LedgerMoment moment = moment(at);
    String name = tableName(table);
    Page<LedgerEvent> events = moment.history(name, page, size).orElseThrow(() -> unknownTable(name, moment));
    return new Answers.History(moment.at(), name, events.number(), events.size(), events.total(),
        events.items().stream().map(HistoryEntry::of).toList());
  }

  /** Where each of the tables stands in the stage: the registry's {@code get_promotion_status}. */
  @GetMapping("/status")
  Answers.Status status(@RequestParam String stage, @RequestParam String tables,
      @RequestParam(required = false) String at) {
    List<String> names = Arrays.stream(tables.split(",", -1)).map(String::trim).map(RegistryController::tableName).toList();
    if (names.size() > MAX_TABLES) {
      throw new IllegalArgumentException("at most " + MAX_TABLES + " tables per question, not " + names.size());
    }
    LedgerMoment moment = moment(at);
    return new Answers.Status(moment.at(), stage, moment.inStage(stage, names).entrySet().stream()
        .map(table -> new Answers.InStage(table.getKey(), table.getValue().map(Answers.Stage::of).orElse(null))).toList());
  }

  /** Every hop of one promotion (its correlation id), across stages and tables. */
  @GetMapping("/promotions/{promotionId}")
  Answers.Promotion promotion(@PathVariable String promotionId, @RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    List<HopStatus> hops = moment.promotion(promotionId);
    if (hops.isEmpty()) {
      throw new NoSuchElementException("no hop of promotion '" + excerpt(promotionId) + "' by " + moment.at());
    }
    return new Answers.Promotion(moment.at(), promotionId, hops.stream().map(Answers.Hop::of).toList());
  }

  /** The hops waiting for an approval, the longest-waiting first. */
  @GetMapping("/approvals")
  Answers.Approvals approvals(@RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    return new Answers.Approvals(moment.at(), moment.pendingApprovals().stream().map(Answers.Approval::of).toList());
  }

  /** Hops that ended blocked, failed or rolled back (or the statuses asked for), newest first. */
  @GetMapping("/incidents")
  Answers.Incidents incidents(@RequestParam(required = false) String at,
      @RequestParam(defaultValue = "BLOCKED,FAILED,ROLLED_BACK") String status,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("limit is from 1 to " + MAX_PAGE_SIZE + ", not " + limit);
    }
    Set<String> statuses = Arrays.stream(status.split(",", -1)).map(String::trim).collect(Collectors.toSet());
    if (!INCIDENT_STATUSES.containsAll(statuses)) {
      throw new IllegalArgumentException("status is a list of " + INCIDENT_STATUSES + ", not '" + excerpt(status) + "'");
    }
    LedgerMoment moment = moment(at);
    return new Answers.Incidents(moment.at(),
        moment.incidents(statuses, limit).stream().map(Answers.IncidentView::of).toList());
  }

  /** Each stage of each table against pre-prod's newest version. */
  @GetMapping("/drift")
  Answers.Drift drift(@RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    return new Answers.Drift(moment.at(), moment.drift());
  }

  @GetMapping("/releases")
  Answers.Releases releases(@RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    return new Answers.Releases(moment.at(), moment.releases().stream().map(Answers.Release::of).toList());
  }

  @GetMapping("/releases/{release}")
  Answers.OneRelease release(@PathVariable String release, @RequestParam(required = false) String at) {
    LedgerMoment moment = moment(at);
    return new Answers.OneRelease(moment.at(), Answers.Release.of(moment.release(release).orElseThrow(() ->
        new NoSuchElementException("no event named release '" + excerpt(release) + "' by " + moment.at()))));
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Map<String, Object>> unknown(NoSuchElementException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(LedgerNotReplayedException.class)
  ResponseEntity<Map<String, Object>> notYet(LedgerNotReplayedException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  private LedgerMoment moment(String at) {
    return ledger.asOf(QueryMoment.of(at, clock));
  }

  /** A table name from the request, by the grammar events' names follow; its canonical form. */
  private static String tableName(String raw) {
    return TableName.parse(raw).toString();
  }

  private static NoSuchElementException unknownTable(String table, LedgerMoment moment) {
    return new NoSuchElementException("no event named table " + table + " by " + moment.at());
  }

  private static String excerpt(String raw) {
    String shown = raw.length() > 64 ? raw.substring(0, 64) + "..." : raw;
    return shown.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
