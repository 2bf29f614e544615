package io.deltapromotion.registryservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.registryservice.domain.Announcement;
import io.deltapromotion.registryservice.domain.LedgerEvent;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.registryservice.domain.StageOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LedgerMetersTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  private final PromotionLedger ledger = new PromotionLedger();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC);

  @Test
  void givenTheLogStillBeingRead_whenRefreshed_thenNoMeterAppears_andOnceReadEveryOneHasTheLogsWholeCount() {
    ledger.record(new Announcement(header("p1", 0), 3L, "DATA_ONLY", "fp", null, "prod", null, T0));
    ledger.record(new StageOutcome(header("p1", 90), "prod", "PROMOTED", 3L, null, null, null, null, null));
    ledger.record(new StageOutcome(header("p2", 100), "prod", "BLOCKED", 4L, 3L,
        new StageOutcome.Wait("APPROVAL", "prod needs an approval", null, null), null, null, null));

    try (LedgerMeters ledgerMeters = new LedgerMeters(ledger, meters, clock)) {
      ledgerMeters.refresh();
      assertThat(meters.getMeters()).as("a partial count would look like a counter reset").isEmpty();

      ledger.replayed();
      ledgerMeters.refresh();

      assertThat(meters.get(LedgerMeters.PROMOTIONS).tags("stage", "prod", "outcome", "PROMOTED").functionCounter().count())
          .isEqualTo(1);
      assertThat(meters.find(LedgerMeters.PROMOTIONS).tags("outcome", "BLOCKED").functionCounter())
          .as("a hop waiting for approval is not a final outcome").isNull();
      assertThat(meters.get(LedgerMeters.LEAD_TIME).tags("stage", "prod").functionTimer().totalTime(TimeUnit.SECONDS))
          .isEqualTo(90);
      assertThat(meters.get(LedgerMeters.APPROVALS_WAITING).tags("stage", "prod").gauge().value()).isEqualTo(1);
      assertThat(meters.get(LedgerMeters.OLDEST_APPROVAL).tags("stage", "prod").gauge().value()).isEqualTo(500);
    }
  }

  private static LedgerEvent.Header header(String promotion, int second) {
    return new LedgerEvent.Header(UUID.randomUUID().toString(), promotion, "pp.orders", T0.plusSeconds(second));
  }
}
