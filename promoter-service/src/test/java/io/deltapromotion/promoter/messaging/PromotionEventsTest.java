package io.deltapromotion.promoter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.Wait;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionEventsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final EventEnvelopes envelopes = new EventEnvelopes("promoter-service", "test", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givenAHopWaitingForItsSoak_whenPublishedAndReadBack_thenTheWaitIsTheSame_andItsWordsSayItForPeople() {
    Wait soak = new Wait.Soak("staging", NOW.plusSeconds(3600));

    PromotionDone done = PromotionEvents.toEvent(waiting(soak), envelopes.first(), "PASS", null, null);

    assertThat(PromotionEvents.recorded(done).waitingFor()).isEqualTo(soak);
    assertThat(done.getAwaiting()).isEqualTo("soak time in staging until 2026-11-27T11:00:00Z");
  }

  @Test
  void givenAHopWaitingForAnApproval_whenPublishedAndReadBack_thenItsReasonIsTyped() {
    Wait approval = new Wait.Approval("every version entering live needs one");

    PromotionDone done = PromotionEvents.toEvent(waiting(approval), envelopes.first(), "PASS", null, null);

    assertThat(PromotionEvents.recorded(done).waitingFor()).isEqualTo(approval);
  }

  @Test
  void givenHopsHeldForAReleaseOrBehindOne_whenPublishedByAnOperatorsOrderAndReadBack_thenTheirWaitsAndOriginAreTyped() {
    for (Wait release : List.of(new Wait.Release("2026.11-r2"), new Wait.BehindRelease("2026.11-r2"))) {
      PromotionDone done = PromotionEvents.toEvent(waiting(release), envelopes.first(), "PASS", "bob", null);

      assertThat(done.getWaitingFor().getRelease()).isEqualTo("2026.11-r2");
      assertThat(PromotionEvents.recorded(done).waitingFor()).isEqualTo(release);
      assertThat(PromotionEvents.recorded(done).ordered()).isTrue();
    }
  }

  @Test
  void givenAnEventWrittenBeforeWaitsWereTyped_whenReadBack_thenItWaits_butNothingIsReadOutOfItsWords() {
    PromotionDone done = PromotionEvents.toEvent(waiting(new Wait.Approval("x")), envelopes.first(), "PASS", null, null);
    done.setWaitingFor(null);

    assertThat(PromotionEvents.recorded(done).waitingFor()).isEqualTo(new Wait.Untyped("approval (x)"));
    assertThat(PromotionEvents.recorded(done).isFinal()).isFalse();
  }

  @Test
  void givenAFinalOutcome_whenReadBack_thenItWaitsForNothing() {
    PromotionDone done = PromotionEvents.toEvent(waiting(null), envelopes.first(), "PASS", null, null);

    assertThat(done.getWaitingFor()).isNull();
    assertThat(PromotionEvents.recorded(done).isFinal()).isTrue();
  }

  private static Hop waiting(Wait wait) {
    return new Hop("7f8c9d2e-0000-4000-8000-000000000001", null, TableName.parse("dev.orders"), 4L,
        TableName.parse("stg.orders"), "staging", null, new PromotionOutcome(PromotionStatus.BLOCKED, null, null, false,
        "awaiting"), wait, null);
  }
}
