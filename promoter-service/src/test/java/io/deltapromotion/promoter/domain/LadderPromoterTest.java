package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ladder's decisions with the warehouse in memory, on dev → staging (soak 1h) → live (approval):
 * waits said once, a soak that ends with no new event, approvals and rejections, superseding.
 * LadderPromotionIT runs the same ladder on the real stack.
 */
class LadderPromoterTest {

  private static final TableName ORDERS = TableName.parse("dev.orders");
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private final Ladder ladder = new Ladder(List.of(
      new Stage("dev", List.of(SchemaName.parse("dev")), null),
      new Stage("staging", List.of(SchemaName.parse("stg")), new Transition(true, false, Duration.ofHours(1), CloneType.SHALLOW)),
      new Stage("live", List.of(SchemaName.parse("live")), new Transition(true, true, Duration.ZERO, CloneType.SHALLOW))));
  private final InMemoryTables warehouse = new InMemoryTables();
  private final PromotionLog log = new PromotionLog();
  private final MovableClock clock = new MovableClock(T0);
  private final LadderPromoter promoter = new LadderPromoter(ladder, new Promoter(warehouse, clock, "promoter-service"), log,
      clock);

  @Test
  void givenASoakTime_whenItEnds_thenTheScheduleAloneReleasesTheHop_andTheWaitWasSaidOnce() {
    assertThat(report("p1", 4)).singleElement()
        .satisfies(hop -> assertThat(hop.waitingFor()).isEqualTo(new Wait.Soak("dev", Instant.parse("2026-11-21T11:00:00Z"))));
    assertThat(settle()).as("said once").isEmpty();
    clock.advance(Duration.ofMinutes(61));

    List<Hop> after = settle();

    assertThat(after).extracting(Hop::stage, hop -> hop.outcome().status(), Hop::waitingFor)
        .containsExactly(tuple("staging", PromotionStatus.PROMOTED, null),
            tuple("live", PromotionStatus.BLOCKED, new Wait.Approval("every version entering live needs one")));
  }

  @Test
  void givenAHopWaitingForApproval_whenRejected_thenItEndsBlockedSayingWhoAndWhy_andNothingIsWritten() {
    waitingForLive("p1", 4);
    int clones = warehouse.clones.size();

    DecisionTarget target = promoter.decisionTarget(ORDERS, null, null);
    log.apply(new OperatorDecision("c1", ORDERS, target.version(), target.stage(), false, "alice", "totals are off",
        clock.instant()));
    List<Hop> hops = settle();

    assertThat(target.stage()).isEqualTo("live");
    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.BLOCKED);
      assertThat(hop.waitingFor()).as("final").isNull();
      assertThat(hop.outcome().message()).isEqualTo("entering live was rejected by alice (totals are off); live.orders is unchanged");
    });
    assertThat(warehouse.clones).hasSize(clones);
    assertThatThrownBy(() -> promoter.decisionTarget(ORDERS, null, null)).isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("no version of dev.orders waits for an approval");
  }

  @Test
  void givenAHopWaitingForApproval_whenApproved_thenItIsPromoted() {
    waitingForLive("p1", 4);

    log.apply(new OperatorDecision("c1", ORDERS, 4, "live", true, "alice", null, clock.instant()));

    assertThat(settle()).singleElement().satisfies(hop -> {
      assertThat(hop.stage()).isEqualTo("live");
      assertThat(hop.outcome().status()).isEqualTo(PromotionStatus.PROMOTED);
    });
    assertThat(warehouse.propertiesOf(TableName.parse("live.orders"))).containsEntry("promoted_version", "4");
  }

  @Test
  void givenAnApprovedVersionInLive_whenANewerVersionClimbs_thenItWaitsForAnApprovalOfItsOwn() {
    waitingForLive("p1", 4);
    log.apply(new OperatorDecision("c1", ORDERS, 4, "live", true, "alice", null, clock.instant()));
    settle();

    waitingForLive("p2", 5);

    assertThat(log.held(ORDERS, "live")).hasValueSatisfying(held -> assertThat(held.version()).isEqualTo(4));
    assertThat(log.waiting(ORDERS, "live")).hasValueSatisfying(waits -> {
      assertThat(waits.version()).isEqualTo(5);
      assertThat(waits.waitingFor()).isEqualTo(new Wait.Approval("every version entering live needs one"));
    });
    assertThat(promoter.decisionTarget(ORDERS, null, null).version()).isEqualTo(5);
  }

  @Test
  void givenANewerVersionWaiting_whenAnOperatorApprovesAnOlderOneByNumber_thenTheApprovalIsRefusedAsStale() {
    waitingForLive("p1", 4);
    log.apply(new OperatorDecision("c1", ORDERS, 4, "live", true, "alice", null, clock.instant()));
    settle();
    waitingForLive("p2", 5);

    assertThatThrownBy(() -> promoter.decisionTarget(ORDERS, "live", 4L))
        .isInstanceOfSatisfying(CommandRefusedException.class, refused -> assertThat(refused.unknown()).isFalse())
        .hasMessage("version 4 of dev.orders is stale: version 5 was reported since, and a decision holds only for the "
            + "version it names");
    assertThat(promoter.decisionTarget(ORDERS, "live", 5L).promotionId()).isEqualTo("p2");
    assertThat(promoter.decisionTarget(ORDERS, "live", 6L).promotionId()).as("in advance").isNull();
  }

  @Test
  void givenQcAskedForAnApproval_whenTheWaitIsDecidedAgain_thenItStillWaitsForThatApproval_readFromTheReport() {
    log.apply(new QcVerdict(ORDERS, 4, "WARN", true, clock.instant(), "p1", null, "row count drifted by 40%"));
    List<Hop> reported = publish(promoter.onReport(new PromotionRequest("p1", ORDERS, 4L, TableName.parse("stg.orders"),
        true, "", false, null, "row count drifted by 40%"), clock.instant()));
    clock.advance(Duration.ofMinutes(61));

    List<Hop> later = settle();

    assertThat(reported).singleElement().extracting(Hop::waitingFor).isEqualTo(new Wait.Approval("row count drifted by 40%"));
    assertThat(warehouse.clones).as("nothing written").isEmpty();
    assertThat(later).as("the soak is not what it waits for").isEmpty();
    assertThat(promoter.decisionTarget(ORDERS, null, null).stage()).isEqualTo("staging");
  }

  @Test
  void givenAWaitPublishedBeforeWaitsWereTyped_whenDecidedAgain_thenItIsSaidOnceMoreTyped_fromTheFactsNotTheWords() {
    log.apply(new QcVerdict(ORDERS, 4, "PASS", true, clock.instant(), "p1", null, null));
    log.apply(new RecordedOutcome("e-old", "p1", null, ORDERS, 4L, "staging", PromotionStatus.BLOCKED, null,
        new Wait.Untyped("approval (words an older promoter wrote)"), null, clock.instant()));

    List<Hop> again = settle();

    assertThat(again).singleElement().extracting(Hop::waitingFor)
        .isEqualTo(new Wait.Soak("dev", T0.plus(Duration.ofHours(1))));
    assertThat(settle()).as("said once").isEmpty();
  }

  @Test
  void givenAnOlderVersionWaitingToEnterStaging_whenANewerOnePassesQc_thenTheOlderIsSuperseded() {
    report("p1", 4);
    settle();

    log.apply(new QcVerdict(ORDERS, 5, "PASS", true, clock.instant(), "p2", null, null));
    List<Hop> hops = publish(promoter.onReport(request("p2", 5, true), clock.instant()));

    assertThat(hops).extracting(Hop::promotionId, hop -> hop.outcome().status())
        .containsExactly(tuple("p1", PromotionStatus.SKIPPED),
            tuple("p2", PromotionStatus.BLOCKED));
    assertThat(hops.get(0).outcome().message()).isEqualTo("superseded by version 5 before it could enter staging");
  }

  @Test
  void givenAFailedReport_whenReported_thenTheHopIsBlockedAndNothingSupersedesTheWaitingOne() {
    report("p1", 4);
    settle();

    log.apply(new QcVerdict(ORDERS, 5, "FAIL", false, clock.instant(), "p2", null, null));
    List<Hop> hops = publish(promoter.onReport(request("p2", 5, false), clock.instant()));

    assertThat(hops).singleElement().satisfies(hop -> {
      assertThat(hop.promotionId()).isEqualTo("p2");
      assertThat(hop.outcome().message()).startsWith("QC failed: ");
    });
    assertThat(warehouse.clones).as("nothing written").isEmpty();
    assertThat(log.waiting(ORDERS, "staging")).map(RecordedOutcome::promotionId).contains("p1");
  }

  @Test
  void givenAReportOlderThanEveryReportTheLogKeeps_whenDeliveredAgain_thenNothingIsDecidedForIt() {
    for (long version = 1; version <= PromotionLog.VERDICTS_KEPT + 1; version++) {
      log.apply(new QcVerdict(ORDERS, version, "PASS", true, clock.instant(), "p" + version, null, null));
    }

    List<Hop> hops = publish(promoter.onReport(request("p1", 1, true), clock.instant()));

    assertThat(hops).as("its hops may be forgotten: deciding it again could promote it twice").isEmpty();
    assertThat(warehouse.clones).isEmpty();
  }

  private void waitingForLive(String promotionId, long version) {
    report(promotionId, version);
    settle();
    clock.advance(Duration.ofMinutes(61));
    settle();
  }

  private List<Hop> report(String promotionId, long version) {
    warehouse.clone(new CloneRequest(TableName.parse("raw.orders"), 0, ORDERS,
        CloneType.SHALLOW, Map.of()));
    warehouse.clones.clear();
    log.apply(new QcVerdict(ORDERS, version, "PASS", true, clock.instant(), promotionId, null, null));
    return publish(promoter.onReport(request(promotionId, version, true), clock.instant()));
  }

  private PromotionRequest request(String promotionId, long version, boolean passed) {
    return new PromotionRequest(promotionId, ORDERS, version, TableName.parse("stg.orders"), passed,
        passed ? "" : "duplicate_keys: 2 rows repeat a key", false, null, null);
  }

  /** Settles the table; returns what was decided. */
  private List<Hop> settle() {
    List<Hop> all = new ArrayList<>();
    assertThat(promoter.settle(ORDERS, hops -> all.addAll(publish(hops)))).as("settled").isTrue();
    return all;
  }

  private List<Hop> publish(List<Hop> hops) {
    for (Hop hop : hops) {
      log.apply(new RecordedOutcome(UUID.randomUUID().toString(), hop.promotionId(), hop.causeEventId(), hop.source(),
          hop.version(), hop.stage(), hop.outcome().status(), hop.outcome().targetDeltaVersion(), hop.waitingFor(),
          hop.releaseTag(), clock.instant()));
    }
    return hops;
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
