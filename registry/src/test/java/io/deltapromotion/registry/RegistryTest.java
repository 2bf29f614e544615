package io.deltapromotion.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

  private final EventEnvelopes envelopes = new EventEnvelopes("test", "1", Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void givenAPromotedVersionWhenFoldedThenPreprodAndProdHoldItWithItsVerdictAndStatus() {
    Registry registry = new Registry();
    TableChanged changed = changed(3, ChangeCategory.NEW_TABLE);
    registry.apply(changed);
    registry.apply(qc(changed.getEnvelope(), 3, QcStatus.PASS));
    registry.apply(done(changed.getEnvelope(), 3, PromotionStatus.PROMOTED, null));

    RegistryEntry entry = registry.entries().get(0);
    assertThat(entry.preprodVersion()).isEqualTo(3);
    assertThat(entry.prodVersion()).isEqualTo(3);
    assertThat(entry.qcStatus()).isEqualTo("PASS");
    assertThat(entry.promotionStatus()).isEqualTo("PROMOTED");
    assertThat(entry.releaseTag()).isEqualTo("r1");
  }

  @Test
  void givenABlockedNewerVersionWhenFoldedThenProdKeepsThePromotedOne() {
    Registry registry = new Registry();
    TableChanged first = changed(3, ChangeCategory.NEW_TABLE);
    registry.apply(first);
    registry.apply(done(first.getEnvelope(), 3, PromotionStatus.PROMOTED, null));
    TableChanged second = changed(4, ChangeCategory.DATA_ONLY);
    registry.apply(second);
    registry.apply(qc(second.getEnvelope(), 4, QcStatus.FAIL));
    registry.apply(done(second.getEnvelope(), 4, PromotionStatus.BLOCKED, 3L));

    RegistryEntry entry = registry.entries().get(0);
    assertThat(entry.preprodVersion()).isEqualTo(4);
    assertThat(entry.prodVersion()).isEqualTo(3);
    assertThat(entry.qcStatus()).isEqualTo("FAIL");
    assertThat(entry.promotionStatus()).isEqualTo("BLOCKED");
    assertThat(entry.lastError()).isEqualTo("QC failed");
  }

  @Test
  void givenAnOlderReportAndOutcomeDeliveredAgainAfterNewerOnes_whenFolded_thenTheEntryIsNotSetBack() {
    Registry registry = new Registry();
    TableChanged first = changed(3, ChangeCategory.NEW_TABLE);
    QcCompleted passed = qc(first.getEnvelope(), 3, QcStatus.PASS);
    PromotionDone promoted = done(first.getEnvelope(), 3, PromotionStatus.PROMOTED, null);
    List.of(first, passed, promoted).forEach(registry::apply);
    TableChanged second = later(changed(4, ChangeCategory.DATA_ONLY));
    registry.apply(second);
    registry.apply(later(qc(second.getEnvelope(), 4, QcStatus.FAIL)));
    registry.apply(later(done(second.getEnvelope(), 4, PromotionStatus.BLOCKED, 3L)));

    List.of(first, passed, promoted).forEach(registry::apply);

    RegistryEntry entry = registry.entries().get(0);
    assertThat(entry.preprodVersion()).isEqualTo(4);
    assertThat(entry.qcStatus() + " v" + entry.qcVersion()).isEqualTo("FAIL v4");
    assertThat(entry.promotionStatus() + " v" + entry.promotionVersion()).isEqualTo("BLOCKED v4");
    assertThat(entry.prodVersion()).isEqualTo(3);
  }

  /** The event as it would be had it occurred an hour later. */
  private static <T extends org.apache.avro.specific.SpecificRecordBase> T later(T event) {
    EventEnvelope envelope = (EventEnvelope) event.get("envelope");
    envelope.setOccurredAt(envelope.getOccurredAt().plusSeconds(3600));
    return event;
  }

  @Test
  void givenTheTopicsReplayedInAnyInterleavingOrTwiceWhenFoldedThenTheRegistryIsTheSame() {
    TableChanged changed = changed(3, ChangeCategory.NEW_TABLE);
    QcCompleted report = qc(changed.getEnvelope(), 3, QcStatus.PASS);
    PromotionDone done = done(changed.getEnvelope(), 3, PromotionStatus.PROMOTED, null);
    Registry inOrder = new Registry();
    List.of(changed, report, done).forEach(inOrder::apply);
    Registry reversedTwice = new Registry();
    List.of(done, report, changed, done, report, changed).forEach(reversedTwice::apply);

    assertThat(reversedTwice.entries()).isEqualTo(inOrder.entries());
  }

  @Test
  void givenReportsOfSeveralVersionsWhenOneIsPromotedThenItsRowCountIsTheBaseline() {
    Registry registry = new Registry();
    TableChanged first = changed(3, ChangeCategory.NEW_TABLE);
    TableChanged second = changed(4, ChangeCategory.DATA_ONLY);
    registry.apply(qcWithRows(second.getEnvelope(), 4, 150));
    registry.apply(done(first.getEnvelope(), 3, PromotionStatus.PROMOTED, null));
    assertThat(registry.lastPromoted("pp.orders")).isEmpty();

    registry.apply(qcWithRows(first.getEnvelope(), 3, 100));
    registry.apply(done(second.getEnvelope(), 4, PromotionStatus.BLOCKED, 3L));

    assertThat(registry.lastPromoted("pp.orders")).contains(new Registry.PromotedVersion(3, 100));
    assertThat(registry.lastPromoted("pp.unknown")).isEmpty();
  }

  @Test
  void givenALongerLadder_whenVersionsClimbAndOneIsRolledBack_thenEachStageHoldsItsOwnAndTheBaselineIsTheTargetsStage() {
    Registry registry = new Registry();
    TableChanged first = changed(3, ChangeCategory.NEW_TABLE);
    registry.apply(first);
    registry.apply(qcWithRows(first.getEnvelope(), 3, 100));
    registry.apply(qcWithRows(first.getEnvelope(), 4, 120));
    registry.apply(doneIn("prod", first.getEnvelope(), 4, PromotionStatus.PROMOTED));
    registry.apply(doneIn("live", first.getEnvelope(), 3, PromotionStatus.PROMOTED));
    registry.apply(doneIn("live", first.getEnvelope(), 4, PromotionStatus.PROMOTED));
    registry.apply(doneIn("live", first.getEnvelope(), 3, PromotionStatus.ROLLED_BACK));

    RegistryEntry entry = registry.entry("pp.orders").orElseThrow();
    assertThat(entry.stageVersions()).containsOnly(Map.entry("prod", 4L), Map.entry("live", 3L));
    assertThat(entry.stages()).isEqualTo("live=3 prod=4");
    assertThat(entry.prodVersion()).as("the announced target's stage").isEqualTo(4);
    assertThat(registry.lastPromoted("pp.orders")).contains(new Registry.PromotedVersion(4, 120));
  }

  /**
   * What qc-service folds: no TableChanged (it does not read that topic), only its own reports and the
   * promotion outcomes, on a ladder where two stages hold versions. The baseline must still be the
   * announced target's stage, which the reports carry.
   */
  @Test
  void givenOnlyReportsAndOutcomesOfAThreeStageLadder_whenFolded_thenTheBaselineIsTheReportedTargetsStage() {
    Registry registry = new Registry();
    TableChanged announced = changed(3, ChangeCategory.NEW_TABLE);
    registry.apply(qcWithRows(announced.getEnvelope(), 3, 100));
    registry.apply(doneIn("prod", announced.getEnvelope(), 3, PromotionStatus.PROMOTED));
    registry.apply(doneIn("live", announced.getEnvelope(), 3, PromotionStatus.PROMOTED));
    registry.apply(qcWithRows(announced.getEnvelope(), 4, 130));
    registry.apply(doneIn("prod", announced.getEnvelope(), 4, PromotionStatus.PROMOTED));

    assertThat(registry.entry("pp.orders").orElseThrow().stageVersions()).hasSize(2);
    assertThat(registry.lastPromoted("pp.orders")).contains(new Registry.PromotedVersion(4, 130));
  }

  @Test
  void givenTablesWhenFormattedThenOneRowPerTableUnderAHeader() {
    Registry registry = new Registry();
    registry.apply(changed(3, ChangeCategory.NEW_TABLE));

    assertThat(RegistryTable.format(registry.entries()).lines().toList())
        .hasSize(2)
        .first().asString().startsWith("SOURCE TABLE");
  }

  @Test
  void givenARollbackAfterAPromotion_whenFoldedUpToAnInstantBetweenThem_thenProdHoldsThePromotedVersion() {
    TableChanged first = changed(3, ChangeCategory.NEW_TABLE);
    TableChanged second = changed(4, ChangeCategory.DATA_ONLY);
    PromotionDone promoted = done(second.getEnvelope(), 4, PromotionStatus.PROMOTED, 3L);
    PromotionDone rolledBack = done(second.getEnvelope(), 3, PromotionStatus.ROLLED_BACK, 4L);
    rolledBack.getEnvelope().setOccurredAt(promoted.getEnvelope().getOccurredAt().plusSeconds(60));
    Instant between = promoted.getEnvelope().getOccurredAt().plusSeconds(30);

    Registry then = new Registry();
    Registry now = new Registry();
    for (Object event : List.of(first, second, promoted, rolledBack)) {
      then.applyUpTo(event, between);
      now.applyUpTo(event, null);
    }

    assertThat(then.entries().get(0).prodVersion()).isEqualTo(4);
    assertThat(then.entries().get(0).promotionStatus()).isEqualTo("PROMOTED");
    assertThat(now.entries().get(0).prodVersion()).isEqualTo(3);
  }

  private TableChanged changed(long version, ChangeCategory category) {
    return TableChanged.newBuilder().setEnvelope(envelopes.first()).setSourceTable("pp.orders").setTargetTable("pr.orders")
        .setSourceEnvironment("preprod").setTargetEnvironment("prod").setSourceVersion(version)
        .setChangeCategory(category).setOrigin(ChangeOrigin.DETECTOR).setReleaseTag("r1").build();
  }

  private QcCompleted qc(EventEnvelope cause, long version, QcStatus status) {
    return QcCompleted.newBuilder().setEnvelope(envelopes.causedBy(cause)).setTable("pp.orders").setVersion(version)
        .setTargetTable("pr.orders").setTargetEnvironment("prod").setStatus(status).setChecks(List.of())
        .setDurationMillis(5).build();
  }

  private QcCompleted qcWithRows(EventEnvelope cause, long version, long rows) {
    QcCompleted report = qc(cause, version, QcStatus.PASS);
    report.setRowCount(rows);
    return report;
  }

  private PromotionDone doneIn(String stage, EventEnvelope cause, long version, PromotionStatus status) {
    PromotionDone done = done(cause, version, status, null);
    done.setTargetEnvironment(stage);
    done.setTargetTable(stage + ".orders");
    return done;
  }

  private PromotionDone done(EventEnvelope cause, long version, PromotionStatus status, Long previous) {
    return PromotionDone.newBuilder().setEnvelope(envelopes.causedBy(cause)).setSourceTable("pp.orders")
        .setSourceVersion(version).setTargetTable("pr.orders").setTargetEnvironment("prod").setStatus(status)
        .setPreviousPromotedVersion(previous).setError(status == PromotionStatus.BLOCKED ? "QC failed" : null).build();
  }
}
