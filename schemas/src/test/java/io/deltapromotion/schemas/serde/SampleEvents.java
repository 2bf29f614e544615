package io.deltapromotion.schemas.serde;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.CheckStatus;
import io.deltapromotion.events.CloneType;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.Producer;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.TableChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Realistic events for serde tests. */
public final class SampleEvents {

  private SampleEvents() {}

  public static EventEnvelope envelope(UUID causationId) {
    return EventEnvelope.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setProducer(Producer.newBuilder().setService("detector-service").setVersion("0.1.0").build())
        .setCorrelationId(UUID.randomUUID())
        .setCausationId(causationId)
        .build();
  }

  public static TableChanged tableChanged() {
    return TableChanged.newBuilder()
        .setEnvelope(envelope(null))
        .setSourceTable("dap_silver_pp.author_profile")
        .setTargetTable("dap_silver_pr.author_profile")
        .setSourceEnvironment("preprod")
        .setTargetEnvironment("prod")
        .setSourceVersion(189L)
        .setChangeCategory(ChangeCategory.DATA_ONLY)
        .setSchemaFingerprint("9f2c0a")
        .setTargetPromotedVersion(185L)
        .setReleaseTag("2025Q4_R1")
        .setOrigin(ChangeOrigin.DETECTOR)
        .setDeltaOperation("WRITE")
        .setCommitTime(Instant.parse("2025-10-27T14:00:00.123Z"))
        .build();
  }

  public static QcCompleted qcCompleted() {
    return QcCompleted.newBuilder()
        .setEnvelope(envelope(UUID.randomUUID()))
        .setTable("dap_silver_pp.author_profile")
        .setVersion(189L)
        .setTargetTable("dap_silver_pr.author_profile")
        .setTargetEnvironment("prod")
        .setStatus(QcStatus.FAIL)
        .setChecks(List.of(
            CheckResult.newBuilder().setName("row_count").setStatus(CheckStatus.PASS).setObservedValue("12345")
                .setThreshold(null).setMessage("12345 rows").build(),
            CheckResult.newBuilder().setName("duplicate_keys").setStatus(CheckStatus.FAIL).setObservedValue("3")
                .setThreshold("0").setMessage("3 rows share an author_id with another row").build()))
        .setRowCount(12345L)
        .setDurationMillis(1834L)
        .build();
  }

  public static PromotionDone promotionDone() {
    return PromotionDone.newBuilder()
        .setEnvelope(envelope(UUID.randomUUID()))
        .setSourceTable("dap_silver_pp.author_profile")
        .setSourceVersion(189L)
        .setTargetTable("dap_silver_pr.author_profile")
        .setTargetEnvironment("prod")
        .setStatus(PromotionStatus.PROMOTED)
        .setCloneType(CloneType.SHALLOW)
        .setReleaseTag(null)
        .setTargetDeltaVersion(7L)
        .setPreviousPromotedVersion(185L)
        .setError(null)
        .build();
  }
}
