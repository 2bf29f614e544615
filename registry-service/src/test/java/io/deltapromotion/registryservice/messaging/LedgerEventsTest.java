package io.deltapromotion.registryservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.HopWait;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.ReleasePhase;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.events.WaitKind;
import io.deltapromotion.registryservice.domain.Announcement;
import io.deltapromotion.registryservice.domain.OperatorOrder;
import io.deltapromotion.registryservice.domain.QcReport;
import io.deltapromotion.registryservice.domain.StageOutcome;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerEventsTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

  private final EventEnvelopes envelopes = new EventEnvelopes("test", "1", Clock.fixed(NOW, ZoneOffset.UTC));
  private final EventEnvelope announced = envelopes.first();

  @Test
  void givenAnAnnouncement_whenMapped_thenItKeepsItsIdentityVersionCategoryFingerprintAndRelease() {
    TableChanged event = TableChanged.newBuilder().setEnvelope(announced).setSourceTable("pp.orders")
        .setTargetTable("pr.orders").setSourceEnvironment("preprod").setTargetEnvironment("live").setSourceVersion(12L)
        .setChangeCategory(ChangeCategory.SCHEMA_CHANGE).setSchemaFingerprint("fp-1").setOrigin(ChangeOrigin.DETECTOR)
        .setReleaseTag("R-7").build();

    Announcement announcement = (Announcement) LedgerEvents.of(event).orElseThrow();

    assertThat(announcement.eventId()).isEqualTo(announced.getEventId().toString());
    assertThat(announcement.promotionId()).isEqualTo(announced.getCorrelationId().toString());
    assertThat(announcement.at()).isEqualTo(NOW);
    assertThat(announcement).extracting(Announcement::table, Announcement::version, Announcement::category,
        Announcement::schemaFingerprint, Announcement::targetStage, Announcement::release)
        .containsExactly("pp.orders", 12L, "SCHEMA_CHANGE", "fp-1", "live", "R-7");
  }

  @Test
  void givenAReport_whenMapped_thenItIsPartOfTheAnnouncementsPromotionWithEveryCheck() {
    QcCompleted event = QcCompleted.newBuilder().setEnvelope(envelopes.causedBy(announced)).setTable("pp.orders")
        .setVersion(12L).setTargetTable("pr.orders").setTargetEnvironment("live").setStatus(QcStatus.WARN)
        .setChecks(List.of(CheckResult.newBuilder().setName("row_count_drift").setStatus(CheckStatus.WARN)
            .setObservedValue("0.25").setThreshold("10%").setMessage("25% more rows").build()))
        .setRowCount(125L).setDurationMillis(40).build();

    QcReport report = (QcReport) LedgerEvents.of(event).orElseThrow();

    assertThat(report.promotionId()).isEqualTo(announced.getCorrelationId().toString());
    assertThat(report.verdict()).isEqualTo("WARN");
    assertThat(report.rowCount()).isEqualTo(125L);
    assertThat(report.checks()).containsExactly(new QcReport.Check("row_count_drift", "WARN", "0.25", "10%", "25% more rows"));
  }

  @Test
  void givenAHopWaitingForApproval_whenMapped_thenTheWaitIsTyped() {
    PromotionDone event = done(PromotionStatus.BLOCKED).setWaitingFor(HopWait.newBuilder().setKind(WaitKind.APPROVAL)
        .setApprovalReason("QC warned").build()).setAwaiting("approval (QC warned)").build();

    StageOutcome outcome = (StageOutcome) LedgerEvents.of(event).orElseThrow();

    assertThat(outcome.waiting()).isEqualTo(new StageOutcome.Wait("APPROVAL", "QC warned", null, null));
    assertThat(outcome).extracting(StageOutcome::stage, StageOutcome::status, StageOutcome::version,
        StageOutcome::previousVersion).containsExactly("live", "BLOCKED", 12L, 11L);
  }

  @Test
  void givenAnOutcomeWrittenBeforeWaitsWereTyped_whenMapped_thenItStillWaitsForWhatItsWordsSay() {
    PromotionDone event = done(PromotionStatus.BLOCKED).setAwaiting("soak time in staging until 2026-11-22T10:00:00Z").build();

    StageOutcome outcome = (StageOutcome) LedgerEvents.of(event).orElseThrow();

    assertThat(outcome.waiting().kind()).isEqualTo("UNKNOWN");
    assertThat(outcome.waiting().reason()).contains("soak time");
  }

  @Test
  void givenAFinalOutcome_whenMapped_thenItWaitsForNothing() {
    StageOutcome outcome = (StageOutcome) LedgerEvents.of(done(PromotionStatus.PROMOTED).setActor("alice").build())
        .orElseThrow();

    assertThat(outcome.waiting()).isNull();
    assertThat(outcome.actor()).isEqualTo("alice");
    assertThat(outcome.wroteStage()).isTrue();
  }

  @Test
  void givenAnOperatorsCommand_whenMapped_thenItIsKeptWithItsActorAndReason_butNotThePartsItWasSplitInto() {
    OperatorCommand approval = command().setAction(CommandAction.APPROVE).setReason("checked with finance").build();
    OperatorCommand part = command().setAction(CommandAction.PROMOTE).setPartOf("cmd-1").setReleaseTag("R-7")
        .setPhase(ReleasePhase.PREPARE).build();

    OperatorOrder order = (OperatorOrder) LedgerEvents.of(approval).orElseThrow();

    assertThat(order).extracting(OperatorOrder::table, OperatorOrder::action, OperatorOrder::stage, OperatorOrder::version,
        OperatorOrder::actor, OperatorOrder::reason).containsExactly("pp.orders", "APPROVE", "live", 12L, "alice",
        "checked with finance");
    assertThat(LedgerEvents.of(part)).as("a release's part, internal to the promoters").isEmpty();
  }

  private OperatorCommand.Builder command() {
    return OperatorCommand.newBuilder().setEnvelope(envelopes.causedBy(announced)).setTable("pp.orders")
        .setVersion(12L).setStage("live").setActor("alice");
  }

  @Test
  void givenAnEventOutsideThePromotionLog_whenMapped_thenTheLedgerDoesNotKeepIt() {
    AlertSent alert = AlertSent.newBuilder().setEnvelope(envelopes.first()).setAlertKey("k").setChannel("webhook")
        .setSeverity("ERROR").setText("t").build();

    assertThat(LedgerEvents.of(alert)).isEmpty();
  }

  private PromotionDone.Builder done(PromotionStatus status) {
    return PromotionDone.newBuilder().setEnvelope(envelopes.causedBy(announced)).setSourceTable("pp.orders")
        .setSourceVersion(12L).setTargetTable("live.orders").setTargetEnvironment("live").setStatus(status)
        .setPreviousPromotedVersion(11L);
  }
}
