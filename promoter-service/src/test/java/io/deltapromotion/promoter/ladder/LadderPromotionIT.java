package io.deltapromotion.promoter.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.SourceComment;
import io.deltapromotion.events.WaitKind;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.stack.PromoterOnTheStack;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The promoter on the real stack with a four-stage ladder, dev → staging → limited-release → live:
 * staging has no gate, limited-release a soak time in staging, live needs an approval (its default as
 * the last stage). One QC report is published, as qc-service would; everything after it is the
 * promoter's own doing, and an operator's approval over HTTP.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderPromotionIT {

  private static final Duration SOAK = Duration.ofSeconds(8);
  /** What the report says the source version's comment is; the source itself has none, so a clone with it took it from the report. */
  private static final String CARRIED_COMMENT = "orders, as the report carried it";
  private static final String REPORT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String REPORT_TRACEPARENT = "00-" + REPORT_TRACE + "-00f067aa0ba902b7-01";
  private static final String ALICE = "alice-" + UUID.randomUUID() + "-" + UUID.randomUUID();
  private static final String DAVE = "dave-" + UUID.randomUUID() + "-" + UUID.randomUUID();

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String dev = "ladder_" + run + "_dev";
  private final String staging = "ladder_" + run + "_stg";
  private final String limited = "ladder_" + run + "_lr";
  private final String live = "ladder_" + run + "_live";
  private final TableName orders = TableName.parse(dev + ".orders");
  private final StackSettings stack = LocalStackExtension.settings();
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(stack.lakehouseJdbcUrl(), null, null);
  private final JdbcWarehouse warehouse = new JdbcWarehouse(lakehouse, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private PromoterOnTheStack promoter;

  @BeforeAll
  void startThePromoter() throws SQLException {
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      for (String schema : List.of(dev, staging, limited, live)) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      statement.execute("CREATE TABLE " + orders + " USING delta AS SELECT id, id * 2 AS amount FROM range(0, 10)");
    }
    Map<String, String> settings = new java.util.HashMap<>(
        PromoterOnTheStack.ladder("dev", dev, "staging", staging, "limited-release", limited, "live", live));
    settings.putAll(Map.of(
        "deltapromotion.promoter.reevaluate-every", "1s",
        "deltapromotion.promoter.stages[2].min-soak", SOAK.toSeconds() + "s",
        "deltapromotion.promoter.commands.operators[0].name", "alice",
        "deltapromotion.promoter.commands.operators[0].token", ALICE,
        "deltapromotion.promoter.commands.operators[1].name", "dave",
        "deltapromotion.promoter.commands.operators[1].token", DAVE,
        "deltapromotion.promoter.commands.operators[1].may[0]", "rollback:*",
        "deltapromotion.promoter.commands.operators[1].may[1]", "approve:limited-release"));
    promoter = PromoterOnTheStack.start(stack, "promoter-service-ladder-it-" + run, settings);
  }

  @AfterAll
  void stopThePromoter() {
    if (promoter != null) {
      promoter.close();
    }
  }

  @Test
  void givenAPassedReport_whenPublished_thenTheVersionClimbsUntilAGateHolds_andTheSoakEndingReleasesItWithNoNewEvent()
      throws Exception {
    QcCompleted report = promoter.report(orders, 0L, TableName.parse(staging + ".orders"), QcStatus.PASS, null);
    report.setSourceComment(new SourceComment(CARRIED_COMMENT));
    promoter.publish(report, REPORT_TRACEPARENT);

    PromotionDone inStaging = awaitOutcome("staging", PromotionStatus.PROMOTED);
    PromotionDone soaking = awaitOutcome("limited-release", PromotionStatus.BLOCKED);
    PromotionDone inLimited = awaitOutcome("limited-release", PromotionStatus.PROMOTED);
    PromotionDone awaitingApproval = awaitOutcome("live", PromotionStatus.BLOCKED);

    assertThat(soaking.getWaitingFor().getKind()).isEqualTo(WaitKind.SOAK);
    assertThat(soaking.getWaitingFor().getSoakUntil()).isEqualTo(inStaging.getEnvelope().getOccurredAt().plus(SOAK));
    assertThat(soaking.getAwaiting()).startsWith("soak time in staging until");
    assertThat(Duration.between(inStaging.getEnvelope().getOccurredAt(), inLimited.getEnvelope().getOccurredAt()))
        .isGreaterThanOrEqualTo(SOAK);
    assertThat(awaitingApproval.getWaitingFor().getKind()).isEqualTo(WaitKind.APPROVAL);
    assertThat(awaitingApproval.getAwaiting()).startsWith("approval (");
    assertThat(List.of(inStaging, soaking, inLimited, awaitingApproval))
        .extracting(done -> done.getEnvelope().getCorrelationId()).containsOnly(inStaging.getEnvelope().getCorrelationId());
    for (String stage : List.of(staging, limited)) {
      TableName target = TableName.parse(stage + ".orders");
      assertThat(warehouse.properties(target)).containsEntry("promoted_from", orders.toString())
          .containsEntry("promoted_version", "0");
    }
    assertThat(warehouse.tableExists(TableName.parse(live + ".orders"))).isFalse();
    assertThat(promoter.outcomes()).filteredOn(done -> done.getSourceTable().equals(orders.toString()))
        .as("one outcome per step, the waits said once").hasSize(4);

    HttpResponse<String> plan = promoter.command("approve?dry-run=true", ALICE, "{\"table\": \"" + orders + "\", \"reason\": \"checked\"}");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    assertThat(plan.body()).contains("\"dryRun\":true").contains("would approve version 0 of " + orders + " entering live");
    assertThat(promoter.command("approve", null, "{\"table\": \"" + orders + "\"}").statusCode()).isEqualTo(401);
    assertThat(promoter.command("approve", ALICE, "{\"table\": \"" + orders + "\", \"stage\": \"nowhere\"}").statusCode())
        .isEqualTo(422);
    HttpResponse<String> notDaves = promoter.command("approve?dry-run=true", DAVE, "{\"table\": \"" + orders + "\"}");
    assertThat(notDaves.statusCode()).as(notDaves.body()).isEqualTo(403);
    assertThat(notDaves.body()).contains("dave may not approve in live (their grants: [rollback:*, approve:limited-release])");
    assertThat(warehouse.tableExists(TableName.parse(live + ".orders"))).as("the dry run wrote nothing").isFalse();

    HttpResponse<String> approved = promoter.command("approve", ALICE, "{\"table\": \"" + orders + "\", \"reason\": \"checked\"}");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
    assertThat(approved.body()).contains("\"actor\":\"alice\"").contains("\"stage\":\"live\"");
    PromotionDone inLive = awaitOutcome("live", PromotionStatus.PROMOTED);
    assertThat(inLive.getEnvelope().getCorrelationId()).isEqualTo(inStaging.getEnvelope().getCorrelationId());
    assertThat(inLive.getApprovedBy()).as("who let it in, for the release registry's promoted_by").isEqualTo("alice");
    assertThat(inLive.getActor()).as("the promoter decided it, on the approval").isNull();
    assertThat(inLimited.getApprovedBy()).as("no approval was needed there").isNull();
    assertThat(warehouse.properties(TableName.parse(live + ".orders"))).containsEntry("promoted_version", "0");
    assertThat(promoter.command("approve", ALICE, "{\"table\": \"" + orders + "\"}").statusCode())
        .as("nothing waits any more").isEqualTo(409);
    assertThat(List.of(inStaging, soaking, inLimited, awaitingApproval, inLive)).extracting(promoter::traceId)
        .as("every hop in the report's trace: those decided on the report, the one the soak's end let through, the "
            + "one the operator's approval did").containsOnly(REPORT_TRACE);
    for (String stage : List.of(staging, limited, live)) {
      TableName target = TableName.parse(stage + ".orders");
      assertThat(warehouse.tableCommentAt(target, warehouse.history(target, 1).get(0).version()))
          .as("the comment the report carried (the source has none), in %s too", stage).contains(CARRIED_COMMENT);
    }
  }

  @Test
  void givenTheLadder_whenAnOperatorAsksForTheGrants_thenEveryWrittenStageIsLeftToThePromotersPrincipal() throws Exception {
    String grants = promoter.read("grants?principal=sp-promoter&revoke-from=account%20users", DAVE);

    assertThat(grants).contains("GRANT USE SCHEMA, SELECT ON SCHEMA `" + dev + "` TO `sp-promoter`;");
    for (String stage : List.of(staging, limited, live)) {
      assertThat(grants).contains("ALTER SCHEMA `" + stage + "` OWNER TO `sp-promoter`;")
          .contains("REVOKE MODIFY, CREATE TABLE ON SCHEMA `" + stage + "` FROM `account users`;");
    }
  }

  @Test
  void givenAReportWhoseTargetIsOutsideTheLadder_whenPublished_thenTheHopIsRefusedAndNothingIsWritten() throws Exception {
    TableName elsewhere = TableName.parse(dev + ".refunds");
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + elsewhere + " USING delta AS SELECT id FROM range(0, 3)");
    }
    TableName skipsTheLadder = TableName.parse(live + ".refunds");

    promoter.publish(promoter.report(elsewhere, 0L, skipsTheLadder, QcStatus.PASS, null));

    PromotionDone refused = await().atMost(Duration.ofMinutes(1)).until(() -> outcomeOf(elsewhere, "staging"), done -> done != null);
    assertThat(refused.getStatus()).isEqualTo(PromotionStatus.BLOCKED);
    assertThat(refused.getError()).startsWith("refused: ").contains(skipsTheLadder.toString())
        .contains(staging + ".refunds");
    assertThat(warehouse.tableExists(skipsTheLadder)).isFalse();
    assertThat(warehouse.tableExists(TableName.parse(staging + ".refunds"))).isFalse();
  }

  private PromotionDone awaitOutcome(String stage, PromotionStatus status) {
    return promoter.awaitOutcome(orders, stage, status);
  }

  private PromotionDone outcomeOf(TableName source, String stage) {
    return promoter.outcomes().stream().filter(done -> done.getSourceTable().equals(source.toString())
        && done.getTargetEnvironment().equals(stage)).findFirst().orElse(null);
  }
}
