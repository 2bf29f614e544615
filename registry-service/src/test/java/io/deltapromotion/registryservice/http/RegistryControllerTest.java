package io.deltapromotion.registryservice.http;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.deltapromotion.registryservice.domain.Announcement;
import io.deltapromotion.registryservice.domain.LedgerEvent;
import io.deltapromotion.registryservice.domain.OperatorOrder;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.registryservice.domain.StageOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The API over a real ledger; only the HTTP exchange is Spring's test double. */
class RegistryControllerTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  private final PromotionLedger ledger = new PromotionLedger();
  private final MockMvc http = MockMvcBuilders.standaloneSetup(
      new RegistryController(ledger, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC))).build();

  @BeforeEach
  void theLogWasReadToItsEnd() {
    ledger.replayed();
  }

  @Test
  void givenTheLogStillBeingRead_whenAsked_then503SaysSo() throws Exception {
    PromotionLedger replaying = new PromotionLedger();
    MockMvc early = MockMvcBuilders.standaloneSetup(new RegistryController(replaying, Clock.systemUTC())).build();

    early.perform(get("/api/v1/tables")).andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value(containsString("still reading")));
  }

  @Test
  void givenARollback_whenTheTableIsAskedAtAnInstantBeforeIt_thenTheAnswerIsWhatTheStageHeldThen() throws Exception {
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 1));
    ledger.record(outcome("pp.orders", "p2", "live", "PROMOTED", 12L, 10));
    ledger.record(outcome("pp.orders", "p2", "live", "ROLLED_BACK", 11L, 20));

    http.perform(get("/api/v1/tables/pp.orders").param("at", at(15).toString())).andExpect(status().isOk())
        .andExpect(jsonPath("$.at").value(at(15).toString()))
        .andExpect(jsonPath("$.table.stages[0].version").value(12))
        .andExpect(jsonPath("$.table.stages[0].status").value("PROMOTED"));
    http.perform(get("/api/v1/tables/PP.Orders")).andExpect(status().isOk())
        .andExpect(jsonPath("$.table.stages[0].version").value(11))
        .andExpect(jsonPath("$.table.stages[0].since").value(at(20).toString()));
  }

  @Test
  void givenAnInstantWithAnOffset_whenAsked_thenItIsTheSameInstant() throws Exception {
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 1));

    http.perform(get("/api/v1/tables").param("at", "2026-11-24T10:00:05+01:00")).andExpect(status().isOk())
        .andExpect(jsonPath("$.at").value(at(5).toString()))
        .andExpect(jsonPath("$.tables[0].table").value("pp.orders"));
  }

  @Test
  void givenBadQueries_whenAsked_thenEachIsRefusedWith400AndItsReason() throws Exception {
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 1));

    http.perform(get("/api/v1/tables").param("at", "last tuesday")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("at must be an instant")));
    http.perform(get("/api/v1/tables/{table}", "pp.orders` OR 1=1 --")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("contains the character")));
    http.perform(get("/api/v1/tables/pp.orders/history").param("size", "501")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("at most 500")));
    http.perform(get("/api/v1/tables/pp.orders/history").param("page", "-1")).andExpect(status().isBadRequest());
    http.perform(get("/api/v1/incidents").param("status", "BLOCKED,<script>")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("status is a list of")));
    http.perform(get("/api/v1/incidents").param("limit", "0")).andExpect(status().isBadRequest());
  }

  @Test
  void givenNamesNoEventNamedByThen_whenAsked_thenEachIs404() throws Exception {
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 10));

    http.perform(get("/api/v1/tables/pp.unknown")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value(containsString("pp.unknown")));
    http.perform(get("/api/v1/tables/pp.orders").param("at", at(5).toString())).andExpect(status().isNotFound());
    http.perform(get("/api/v1/promotions/nope")).andExpect(status().isNotFound());
    http.perform(get("/api/v1/releases/R-1")).andExpect(status().isNotFound());
  }

  @Test
  void givenAnnouncementsAndOutcomes_whenTheHistoryIsPaged_thenNewestFirstWithEachEntrysType() throws Exception {
    ledger.record(new Announcement(header("pp.orders", "p1", 1), 11L, "NEW_TABLE", "fp", null, "live", null, null));
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 2));
    ledger.record(new Announcement(header("pp.orders", "p2", 3), 12L, "DATA_ONLY", "fp", null, "live", null, null));

    http.perform(get("/api/v1/tables/pp.orders/history").param("size", "2")).andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.entries.length()").value(2))
        .andExpect(jsonPath("$.entries[0].type").value("announced"))
        .andExpect(jsonPath("$.entries[0].version").value(12))
        .andExpect(jsonPath("$.entries[1].type").value("outcome"))
        .andExpect(jsonPath("$.entries[1].status").value("PROMOTED"));
  }

  @Test
  void givenTablesInAndOutOfAStage_whenTheirStatusIsAsked_thenEachHasItsHoldingOrNone() throws Exception {
    ledger.record(outcome("pp.orders", "p1", "live", "PROMOTED", 11L, 1));
    ledger.record(outcome("pp.users", "u1", "staging", "PROMOTED", 3L, 2));

    http.perform(get("/api/v1/status").param("stage", "live").param("tables", "pp.orders, pp.users"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tables[0].table").value("pp.orders"))
        .andExpect(jsonPath("$.tables[0].holding.version").value(11))
        .andExpect(jsonPath("$.tables[1].table").value("pp.users"))
        .andExpect(jsonPath("$.tables[1].holding").value(nullValue()));
  }

  @Test
  void givenAHopWaitingForApproval_whenApprovalsAreAsked_thenItShowsHowLongItHasWaited() throws Exception {
    ledger.record(new StageOutcome(header("pp.orders", "p1", 60), "live", "BLOCKED", 11L, null,
        new StageOutcome.Wait("APPROVAL", "QC warned", null, null), null, null, null));

    http.perform(get("/api/v1/approvals").param("at", at(600).toString())).andExpect(status().isOk())
        .andExpect(jsonPath("$.approvals[0].table").value("pp.orders"))
        .andExpect(jsonPath("$.approvals[0].reason").value("QC warned"))
        .andExpect(jsonPath("$.approvals[0].waitedSeconds").value(540));
  }

  @Test
  void givenAnOperatorsApprovalAccepted_whenTheHistoryIsAsked_thenItSaysWhoApprovedAndWhy_andTheHopWaitsUntilItsOutcome()
      throws Exception {
    ledger.record(new StageOutcome(header("pp.orders", "p1", 60), "live", "BLOCKED", 11L, null,
        new StageOutcome.Wait("APPROVAL", "QC warned", null, null), null, null, null));
    ledger.record(new OperatorOrder(header("pp.orders", "p1", 120), "APPROVE", "live", 11L, "alice", "checked", null));

    http.perform(get("/api/v1/tables/pp.orders/history")).andExpect(status().isOk())
        .andExpect(jsonPath("$.entries[0].type").value("command"))
        .andExpect(jsonPath("$.entries[0].action").value("APPROVE"))
        .andExpect(jsonPath("$.entries[0].actor").value("alice"))
        .andExpect(jsonPath("$.entries[0].reason").value("checked"))
        .andExpect(jsonPath("$.entries[0].stage").value("live"));
    http.perform(get("/api/v1/approvals")).andExpect(status().isOk())
        .andExpect(jsonPath("$.approvals[0].table").value("pp.orders"));
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static LedgerEvent.Header header(String table, String promotion, int second) {
    return new LedgerEvent.Header(UUID.randomUUID().toString(), promotion, table, at(second));
  }

  private static StageOutcome outcome(String table, String promotion, String stage, String status, Long version, int second) {
    return new StageOutcome(header(table, promotion, second), stage, status, version, null, null, null, null, null);
  }
}
