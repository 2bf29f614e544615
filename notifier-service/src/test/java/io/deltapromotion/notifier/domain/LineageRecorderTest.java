package io.deltapromotion.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineageRecorderTest {

  private final List<PromotionRun> sent = new ArrayList<>();
  private final List<String> recorded = new ArrayList<>();
  private boolean endpointDown;
  private boolean logDown;

  private final LineagePublisher endpoint = new LineagePublisher() {
    @Override
    public String id() {
      return "openlineage:marquez:5000:abc";
    }

    @Override
    public void publish(PromotionRun run) {
      if (endpointDown) {
        throw new LineageUnavailableException("down", null);
      }
      sent.add(run);
    }
  };
  private final DeliveryLog log = (alert, channel) -> {
    if (logDown) {
      throw new IllegalStateException("broker down");
    }
    recorded.add(alert.key() + "|" + channel);
  };
  private final Deliveries deliveries = new Deliveries(log, 100);
  private final LineageRecorder recorder = new LineageRecorder(List.of(endpoint), deliveries);

  @Test
  void givenAnOutcomeDeliveredTwice_whenRecorded_thenTheEndpointGetsItOnceAndTheLogHoldsItOnce() {
    assertThat(recorder.record(run("e-1"))).isEqualTo(1);
    assertThat(recorder.record(run("e-1"))).isZero();

    assertThat(sent).hasSize(1);
    assertThat(recorded).containsExactly("lineage:e-1|openlineage:marquez:5000:abc");
  }

  @Test
  void givenADeliveryInTheLog_whenTheSameOutcomeArrivesAfterARestart_thenNothingIsSent_butAnotherEndpointsRecordDoesNotCount() {
    deliveries.alreadyDelivered("lineage:e-1", "openlineage:marquez:5000:abc");
    deliveries.alreadyDelivered("lineage:e-2", "openlineage:elsewhere:5000:def");

    assertThat(recorder.record(run("e-1"))).isZero();
    assertThat(recorder.record(run("e-2"))).isEqualTo(1);
    assertThat(sent).extracting(PromotionRun::outcomeId).containsExactly("e-2");
  }

  @Test
  void givenTheEndpointDown_whenRecorded_thenItIsAnOutage_andTheRunIsSentOnceItIsBack() {
    endpointDown = true;
    assertThatThrownBy(() -> recorder.record(run("e-1"))).isInstanceOf(LineageUnavailableException.class);
    assertThat(recorded).isEmpty();

    endpointDown = false;
    assertThat(recorder.record(run("e-1"))).isEqualTo(1);
    assertThat(sent).hasSize(1);
  }

  @Test
  void givenTheLogDownAfterTheEndpointTookTheRun_whenTriedAgain_thenItIsRecordedWithoutBeingSentAgain() {
    logDown = true;
    assertThatThrownBy(() -> recorder.record(run("e-1"))).isInstanceOf(IllegalStateException.class);

    logDown = false;
    assertThat(recorder.record(run("e-1"))).isZero();
    assertThat(sent).hasSize(1);
    assertThat(recorded).containsExactly("lineage:e-1|openlineage:marquez:5000:abc");
  }

  @Test
  void givenTwoDestinationsOneDown_whenRecorded_thenTheOtherGetsIt_andTheRetrySendsItOnlyWhereItWasMissing() {
    List<String> kafka = new ArrayList<>();
    LineagePublisher topic = new LineagePublisher() {
      @Override
      public String id() {
        return "openlineage-kafka:delta-promotion.lineage";
      }

      @Override
      public void publish(PromotionRun run) {
        kafka.add(run.outcomeId());
      }
    };
    LineageRecorder both = new LineageRecorder(List.of(topic, endpoint), deliveries);
    endpointDown = true;

    assertThatThrownBy(() -> both.record(run("e-1"))).isInstanceOf(LineageUnavailableException.class);
    endpointDown = false;

    assertThat(both.record(run("e-1"))).isEqualTo(1);
    assertThat(kafka).containsExactly("e-1");
    assertThat(sent).extracting(PromotionRun::outcomeId).containsExactly("e-1");
    assertThat(recorded).containsExactly("lineage:e-1|openlineage-kafka:delta-promotion.lineage",
        "lineage:e-1|openlineage:marquez:5000:abc");
  }

  @Test
  void givenEachOutcome_whenAskedWhetherItIsARun_thenOnlyWritesAndRefusedWritesOfAVersionAre() {
    assertThat(PromotionRun.isRun("PROMOTED", 3L)).isTrue();
    assertThat(PromotionRun.isRun("ROLLED_BACK", 2L)).isTrue();
    assertThat(PromotionRun.isRun("FAILED", 3L)).isTrue();
    assertThat(PromotionRun.isRun("ROLLED_BACK", null)).isFalse();
    assertThat(PromotionRun.isRun("BLOCKED", 3L)).isFalse();
    assertThat(PromotionRun.isRun("SKIPPED", 3L)).isFalse();
    assertThat(PromotionRun.isRun("UNKNOWN", 3L)).isFalse();
  }

  private static PromotionRun run(String outcomeId) {
    return new PromotionRun(outcomeId, "p-1", true, "a_pp.t", 3, "a_pr.t", "prod", 4L, null, null, Instant.EPOCH,
        Optional.empty());
  }
}
