package io.deltapromotion.qc.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.qc.domain.ArchivedReport;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportArchiveListenerTest {

  private final EventEnvelopes envelopes =
      new EventEnvelopes("qc-service", "1", Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void givenAFailedReportWhenMappedForTheArchiveThenTheRowCarriesItsIdentityAndTheJsonEveryCheck() throws Exception {
    QcCompleted report = QcCompleted.newBuilder().setEnvelope(envelopes.first()).setTable("pp.orders").setVersion(4L)
        .setTargetTable("pr.orders").setTargetEnvironment("prod").setStatus(QcStatus.FAIL)
        .setChecks(List.of(new CheckResult("row_count", CheckStatus.PASS, "10", "1", "10 rows"),
            new CheckResult("duplicate_keys", CheckStatus.FAIL, "2", "0", "2 row(s) repeat a key (id)")))
        .setRowCount(10L).setDurationMillis(35).setChangeCategory(ChangeCategory.DATA_ONLY).setReleaseTag("r1").build();

    ArchivedReport archived = ReportArchiveListener.toArchived(report);

    assertThat(archived.eventId()).isEqualTo(report.getEnvelope().getEventId().toString());
    assertThat(archived.promotionId()).isEqualTo(report.getEnvelope().getCorrelationId().toString());
    assertThat(archived.table()).hasToString("pp.orders");
    assertThat(archived.targetTable()).hasToString("pr.orders");
    assertThat(archived.version()).isEqualTo(4L);
    assertThat(archived.status()).isEqualTo("FAIL");
    assertThat(archived.releaseTag()).isEqualTo("r1");
    assertThat(archived.checkedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    JsonNode json = new ObjectMapper().readTree(archived.reportJson());
    assertThat(json.get("status").asText()).isEqualTo("FAIL");
    assertThat(json.get("rowCount").asLong()).isEqualTo(10);
    assertThat(json.get("changeCategory").asText()).isEqualTo("DATA_ONLY");
    assertThat(json.get("checks")).hasSize(2);
    assertThat(json.get("checks").get(1).get("message").asText()).isEqualTo("2 row(s) repeat a key (id)");
    assertThat(json.has("approvalRequiredFor")).isFalse();
  }
}
