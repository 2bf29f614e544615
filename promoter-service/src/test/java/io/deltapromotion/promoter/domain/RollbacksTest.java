package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rollbacks to the previous good version or a named one, on dev → staging → live with the warehouse in memory. */
class RollbacksTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final TableName ORDERS = TableName.parse("dev.orders");
  private static final TableName STAGING_ORDERS = TableName.parse("stg.orders");

  private final Ladder ladder = new Ladder(List.of(
      new Stage("dev", List.of(SchemaName.parse("dev")), null),
      new Stage("staging", List.of(SchemaName.parse("stg")), new Transition(true, false, Duration.ZERO, CloneType.SHALLOW)),
      new Stage("live", List.of(SchemaName.parse("live")), new Transition(true, true, Duration.ZERO, CloneType.SHALLOW))));
  private final InMemoryTables warehouse = new InMemoryTables();
  private final PromotionLog log = new PromotionLog();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Promoter promoter = new Promoter(warehouse, clock, "promoter-service");
  private final Rollbacks rollbacks = new Rollbacks(ladder, new StageRollback(warehouse, clock, "promoter-service"), log, clock);

  @Test
  void givenThreeVersionsInAStage_whenRolledBackTwice_thenEachStepReturnsToThePreviousGoodVersion() {
    promoteIntoStaging(3, 4, 5);

    RollbackPlan first = rollbacks.plan(ORDERS, "staging", null);
    apply(rollbacks.rollBack(command(first.toVersion())));
    RollbackPlan second = rollbacks.plan(ORDERS, "staging", null);

    assertThat(first.fromVersion()).isEqualTo(5);
    assertThat(first.toVersion()).isEqualTo(4);
    assertThat(first.method()).startsWith("RESTORE stg.orders to its version 1 (one commit");
    assertThat(second.fromVersion()).isEqualTo(4);
    assertThat(second.toVersion()).as("5 was rolled back: it is no longer a version to return to").isEqualTo(3);
    assertThat(warehouse.propertiesOf(STAGING_ORDERS)).containsEntry("promoted_version", "4");
  }

  @Test
  void givenAVersionTheStageNeverHeld_whenARollbackToItIsPlanned_thenItIsRefusedNamingWhatItHeld() {
    promoteIntoStaging(3, 5);

    assertThatThrownBy(() -> rollbacks.plan(ORDERS, "staging", 4L)).isInstanceOf(CommandRefusedException.class)
        .hasMessage("staging cannot roll dev.orders back to version 4 from version 5: the versions it held before are [3]");
    assertThatThrownBy(() -> rollbacks.plan(ORDERS, "live", null)).isInstanceOf(CommandRefusedException.class)
        .hasMessage("live holds no version of dev.orders the promoter knows of");
    assertThatThrownBy(() -> rollbacks.plan(STAGING_ORDERS, "staging", null)).isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("is not a table of the ladder's first stage");
  }

  @Test
  void givenARollbackCarriedOut_whenTheCommandIsDeliveredAgain_thenNothingIsWrittenTwice() {
    promoteIntoStaging(3, 4);
    RollbackCommand command = command(3);
    List<Hop> hops = rollbacks.rollBack(command);
    apply(hops);
    int calls = warehouse.calls.size();

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.ROLLED_BACK);
      assertThat(hop.version()).isEqualTo(3);
      assertThat(hop.outcome().previousPromotedVersion()).isEqualTo(4);
      assertThat(hop.outcome().message()).startsWith("rolled back from version 4 to 3 by alice (bad numbers)");
    });
    assertThat(rollbacks.rollBack(command)).isEmpty();
    assertThat(warehouse.calls).hasSize(calls);
  }

  @Test
  void givenTheRolledBackVersionWaitsToEnterTheNextStage_whenRolledBack_thenThatHopEndsSkipped() {
    promoteIntoStaging(3, 4);
    log.apply(new RecordedOutcome("e-wait", "p4", null, ORDERS, 4L, "live", PromotionStatus.BLOCKED, null,
        new Wait.Approval("every version entering live needs one"), null, NOW));

    List<Hop> hops = rollbacks.rollBack(command(3));

    assertThat(hops).hasSize(2);
    assertThat(hops.get(1).stage()).isEqualTo("live");
    assertThat(hops.get(1).promotionId()).isEqualTo("p4");
    assertThat(hops.get(1).outcome().status()).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(hops.get(1).outcome().message()).isEqualTo("version 4 was rolled back in staging before it could enter live");
  }

  private void promoteIntoStaging(long... versions) {
    for (long version : versions) {
      String promotionId = "p" + version;
      PromotionOutcome outcome = promoter.promote(new StageWrite(promotionId, ORDERS, version, STAGING_ORDERS, null),
          CloneType.SHALLOW);
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), promotionId, null, ORDERS, version, "staging",
          outcome.status(), outcome.targetDeltaVersion(), null, null, NOW));
    }
  }

  private RollbackCommand command(long toVersion) {
    String id = UUID.randomUUID().toString();
    return new RollbackCommand(id, id, "alice", "bad numbers", ORDERS, "staging", toVersion);
  }

  private void apply(List<Hop> hops) {
    for (Hop hop : hops) {
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), hop.promotionId(), hop.causeEventId(), hop.source(),
          hop.version(), hop.stage(), hop.outcome().status(), hop.outcome().targetDeltaVersion(), hop.waitingFor(),
          hop.releaseTag(), NOW));
    }
  }
}
