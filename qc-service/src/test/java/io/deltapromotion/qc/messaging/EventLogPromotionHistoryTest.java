package io.deltapromotion.qc.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogPromotionHistoryTest {

  private static final TableName ORDERS = TableName.parse("pp.orders");
  private static final TableName BALANCES = TableName.parse("pp.balances");

  private final EventEnvelopes envelopes = new EventEnvelopes("qc-service", "1", Clock.systemUTC());
  private final EventLogPromotionHistory history = new EventLogPromotionHistory();

  @Test
  void givenAReportOnAnAnnouncement_whenTheSameAnnouncementComesAgain_thenItIsKnownAsReportedForItsTableOnly() {
    EventEnvelope announcement = envelopes.first();

    history.apply(reportOn(ORDERS, 1, announcement));

    assertThat(history.hasReportOn(ORDERS, announcement.getEventId().toString())).isTrue();
    assertThat(history.hasReportOn(BALANCES, announcement.getEventId().toString())).isFalse();
  }

  @Test
  void givenMoreReportsOnATableThanItRemembers_whenAsked_thenOnlyItsOldestAreForgottenAndOtherTablesKeepTheirs() {
    EventEnvelope balancesAnnouncement = envelopes.first();
    history.apply(reportOn(BALANCES, 1, balancesAnnouncement));
    List<EventEnvelope> ordersAnnouncements = new ArrayList<>();
    for (int version = 1; version <= EventLogPromotionHistory.REPORTS_REMEMBERED + 1; version++) {
      EventEnvelope announcement = envelopes.first();
      ordersAnnouncements.add(announcement);
      history.apply(reportOn(ORDERS, version, announcement));
    }

    assertThat(history.hasReportOn(ORDERS, ordersAnnouncements.get(0).getEventId().toString())).isFalse();
    assertThat(history.hasReportOn(ORDERS, ordersAnnouncements.get(1).getEventId().toString())).isTrue();
    assertThat(history.hasReportOn(ORDERS, ordersAnnouncements.get(ordersAnnouncements.size() - 1).getEventId().toString())).isTrue();
    assertThat(history.hasReportOn(BALANCES, balancesAnnouncement.getEventId().toString())).isTrue();
  }

  private QcCompleted reportOn(TableName table, long version, EventEnvelope announcement) {
    return QcCompleted.newBuilder().setEnvelope(envelopes.causedBy(announcement)).setTable(table.toString())
        .setVersion(version).setTargetTable("pr." + table.table()).setTargetEnvironment("prod").setStatus(QcStatus.PASS)
        .setChecks(List.of()).setRowCount(10L).setDurationMillis(1).build();
  }
}
