package io.deltapromotion.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

  private final AlertPolicy policy = new AlertPolicy(false, true);
  private final List<Alert> recordedAlerts = new ArrayList<>();
  private final DeliveryLog recorded = new DeliveryLog() {
    @Override
    public void delivered(Alert alert, String channelId) {
      recordedAlerts.add(alert);
    }
  };

  @Test
  void givenABlockedPromotionWhenJudgedThenPeopleAreAlertedWithTheReason() {
    assertThat(policy.alertFor(promotion("e1", "BLOCKED", "QC failed: duplicate_keys: 2 row(s) repeat a key")))
        .hasValueSatisfying(alert -> {
          assertThat(alert.severity()).isEqualTo(Alert.Severity.ERROR);
          assertThat(alert.text()).contains("BLOCKED", "`pp.orders` v7", "duplicate_keys", "prod was not changed");
        });
  }

  @Test
  void givenAPromotionWaitingWhenJudgedThenAnApprovalIsAskedForButASoakTimeIsNot() {
    assertThat(policy.alertFor(waiting("e1", "BLOCKED", "awaiting approval (every version entering prod needs one)",
        PromotionNotice.Waiting.APPROVAL))).hasValueSatisfying(alert -> {
          assertThat(alert.severity()).isEqualTo(Alert.Severity.WARNING);
          assertThat(alert.text()).contains("Approval needed", "`pp.orders` v7", "every version entering prod needs one");
        });
    assertThat(policy.alertFor(waiting("e2", "BLOCKED", "awaiting soak time in staging until 2026-11-22T10:00:00Z",
        PromotionNotice.Waiting.SOAK))).isEmpty();
  }

  @Test
  void givenAWaitTheEventDoesNotType_whenJudged_thenNobodyIsAskedForAnApproval_evenIfItsWordsSayApproval() {
    assertThat(policy.alertFor(waiting("e3", "BLOCKED", "awaiting approval (every version entering prod needs one)",
        PromotionNotice.Waiting.OTHER))).isEmpty();
  }

  @Test
  void givenAFailedPromotionWhenJudgedThenTheWarehouseErrorIsInTheAlert() {
    assertThat(policy.alertFor(promotion("e1", "FAILED", "[DELTA_TABLE_NOT_FOUND] ...")).orElseThrow().text())
        .contains("FAILED", "DELTA_TABLE_NOT_FOUND");
  }

  @Test
  void givenARollbackOrARepair_whenJudged_thenPeopleAreAlertedWithWhatHappenedEvenWithPromotedAlertsOff() {
    assertThat(policy.alertFor(promotion("e1", "ROLLED_BACK", "rolled back from version 8 to 7 by bob (wrong totals)"))
        .orElseThrow().text()).contains("Rolled back", "by bob (wrong totals)");
    assertThat(policy.alertFor(promotion("e2", "PROMOTED", "repaired: pr.orders cannot be read (file gone)"))
        .orElseThrow().text()).contains("Repaired", "file gone");
  }

  @Test
  void givenAReasonWithSlackControlSequences_whenAlerted_thenTheyArriveAsTextNotAsMentionsOrLinks() {
    String reason = "rolled back by eve (<!channel> see <https://evil.example/x|the fix> & ping <@U024BE7LH>)";

    String text = policy.alertFor(promotion("e1", "ROLLED_BACK", reason)).orElseThrow().text();

    assertThat(text).doesNotContain("<", ">")
        .contains("&lt;!channel&gt; see &lt;https://evil.example/x|the fix&gt; &amp; ping &lt;@U024BE7LH&gt;");
    assertThat(policy.alertFor(new QcNotice("e", "p-1", "WARN", "pp.orders", 7L, "pr.orders",
        List.of("custom.note: <!here>"))).orElseThrow().text()).contains("&lt;!here&gt;").doesNotContain("<!here>");
  }

  @Test
  void givenOutcomesAnOperatorCausedOrApproved_whenAlerted_thenTheAlertNamesThem() {
    PromotionNotice rolledBack = new PromotionNotice("e1", "p-1", "ROLLED_BACK", "pp.orders", 7L, "pr.orders", "prod", null,
        3L, "rolled back from version 8 to 7 (wrong totals)", null, "carol", null);
    PromotionNotice repaired = new PromotionNotice("e2", "p-1", "PROMOTED", "pp.orders", 7L, "pr.orders", "live", null, 4L,
        "repaired: file gone", null, null, "alice");

    assertThat(policy.alertFor(rolledBack).orElseThrow().text()).contains("\nordered by carol\n").doesNotContain("approved by");
    assertThat(policy.alertFor(repaired).orElseThrow().text()).contains("\napproved by alice\n").doesNotContain("ordered by");
  }

  @Test
  void givenPromotedAndSkippedWhenPromotedAlertsAreOffThenNobodyIsAlerted() {
    assertThat(policy.alertFor(promotion("e1", "PROMOTED", null))).isEmpty();
    assertThat(policy.alertFor(promotion("e2", "SKIPPED", "already holds it"))).isEmpty();
    assertThat(new AlertPolicy(true, true).alertFor(promotion("e1", "PROMOTED", null))).isPresent();
  }

  @Test
  void givenQcReportsWhenJudgedThenOnlyWarningsAlertBecauseFailuresAreAnnouncedByTheirBlockedPromotion() {
    assertThat(policy.alertFor(qc("WARN"))).isPresent();
    assertThat(policy.alertFor(qc("FAIL"))).isEmpty();
    assertThat(policy.alertFor(qc("PASS"))).isEmpty();
    assertThat(new AlertPolicy(false, false).alertFor(qc("WARN"))).isEmpty();
  }

  @Test
  void givenTheSameReportTwiceUnderDifferentEventIds_whenJudged_thenItIsOneAlert() {
    QcNotice first = new QcNotice("e1", "p-1", "WARN", "pp.orders", 7L, "pr.orders", List.of("drift: +12%"));
    QcNotice again = new QcNotice("e2", "p-1", "WARN", "pp.orders", 7L, "pr.orders", List.of("drift: +12%"));

    assertThat(policy.alertFor(first).orElseThrow().key()).isEqualTo(policy.alertFor(again).orElseThrow().key());
  }

  @Test
  void givenADeadLetter_whenJudged_thenPeopleAreToldWhereItIsWhyAndHowToSendItBack() {
    Alert alert = policy.alertFor(new DeadLetterNotice("qc-service", "delta-promotion.table-changed/2/41", "pp.orders",
        "table pp.orders has no readable version 99", "delta-promotion.dead-letter.qc-service/0/3"));

    assertThat(alert.key()).isEqualTo("dead-letter:qc-service:delta-promotion.table-changed/2/41");
    assertThat(alert.text()).contains("Dead letter", "no readable version 99", "delta-promotion.dead-letter.qc-service/0/3",
        "bin/promotion dead-letters redrive");
  }

  @Test
  void givenTheSameEventTwiceWhenDispatchedThenEachChannelGetsItOnce() {
    Recording channel = new Recording("a");
    AlertDispatcher dispatcher = new AlertDispatcher(List.of(channel), new Deliveries(recorded, 100));
    Alert alert = new Alert("event-1", Alert.Severity.ERROR, "text");

    dispatcher.dispatch(alert);
    dispatcher.dispatch(alert);

    assertThat(channel.sent).hasSize(1);
    assertThat(recordedAlerts).hasSize(1);
  }

  @Test
  void givenDeliveriesRecordedByAnEarlierLife_whenTheSameAlertIsRaisedAgain_thenNoChannelGetsItTwice() {
    Recording channel = new Recording("a");
    Deliveries recordedBefore = new Deliveries(recorded, 100);
    recordedBefore.alreadyDelivered("promotion:e1", "a");
    AlertDispatcher restarted = new AlertDispatcher(List.of(channel), recordedBefore);

    assertThat(restarted.dispatch(new Alert("promotion:e1", Alert.Severity.ERROR, "text"))).isZero();
    assertThat(channel.sent).isEmpty();
  }

  @Test
  void givenTheDeliveryLogDown_whenAnAlertIsSent_thenItIsNotSentAgainAndItsRecordIsMadeOnceTheLogIsBack() {
    Recording channel = new Recording("a");
    List<Alert> log = new ArrayList<>();
    boolean[] logDown = {true};
    AlertDispatcher dispatcher = new AlertDispatcher(List.of(channel), new Deliveries((alert, channelId) -> {
      if (logDown[0]) {
        throw new IllegalStateException("broker down");
      }
      log.add(alert);
    }, 100));
    Alert alert = new Alert("promotion:e1", Alert.Severity.ERROR, "text");

    assertThatThrownBy(() -> dispatcher.dispatch(alert)).hasMessage("broker down");
    logDown[0] = false;
    dispatcher.dispatch(alert);

    assertThat(channel.sent).hasSize(1);
    assertThat(log).hasSize(1);
  }

  @Test
  void givenOneChannelFailingWhenTheEventIsRetriedThenOnlyThatChannelIsSentItAgain() {
    Recording healthy = new Recording("healthy");
    Recording flaky = new Recording("flaky");
    flaky.failuresLeft = 1;
    AlertDispatcher dispatcher = new AlertDispatcher(List.of(healthy, flaky), new Deliveries(recorded, 100));
    Alert alert = new Alert("event-1", Alert.Severity.ERROR, "text");

    assertThatThrownBy(() -> dispatcher.dispatch(alert)).isInstanceOf(NotificationFailedException.class);
    dispatcher.dispatch(alert);

    assertThat(healthy.sent).hasSize(1);
    assertThat(flaky.sent).hasSize(1);
  }

  private static PromotionNotice promotion(String eventId, String status, String error) {
    return waiting(eventId, status, error, null);
  }

  private static PromotionNotice waiting(String eventId, String status, String error, PromotionNotice.Waiting waiting) {
    return new PromotionNotice(eventId, "p-1", status, "pp.orders", 7L, "pr.orders", "prod", "r1", 3L, error, waiting,
        null, null);
  }

  private static QcNotice qc(String status) {
    return new QcNotice("e", "p-1", status, "pp.orders", 7L, "pr.orders", List.of("row_count: the version has no rows"));
  }

  private static final class Recording implements NotificationChannel {
    private final String id;
    private final List<Alert> sent = new ArrayList<>();
    private int failuresLeft;

    Recording(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void send(Alert alert) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new NotificationFailedException(id + " is down", null);
      }
      sent.add(alert);
    }
  }
}
