package io.deltapromotion.promoter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReleaseRegistryRecordTest {

  private final EventEnvelopes envelopes = new EventEnvelopes("promoter-service", "test",
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void givenOutcomesOrderedApprovedOrDecidedAlone_whenRecorded_thenPromotedByNamesWhoLetThemInAndPromotedToTheirTable() {
    PromotionDone ordered = PromotionEvents.toEvent(promoted(), envelopes.first(), "PASS", "bob", "alice");
    PromotionDone approved = PromotionEvents.toEvent(promoted(), envelopes.first(), "PASS", null, "alice");
    PromotionDone alone = PromotionEvents.toEvent(promoted(), envelopes.first(), "PASS", null, null);

    assertThat(ReleaseRegistryListener.toRecord(ordered).promotedBy()).isEqualTo("bob");
    assertThat(ReleaseRegistryListener.toRecord(approved).promotedBy()).isEqualTo("alice");
    assertThat(ReleaseRegistryListener.toRecord(alone).promotedBy()).isEqualTo("promoter-service");
    assertThat(ReleaseRegistryListener.toRecord(alone).target()).hasToString("live.orders");
  }

  private static Hop promoted() {
    return new Hop("7f8c9d2e-0000-4000-8000-000000000001", null, TableName.parse("dev.orders"), 4L,
        TableName.parse("live.orders"), "live", null, new PromotionOutcome(PromotionStatus.PROMOTED, 7L, 6L, true, null),
        null, null);
  }
}
