package io.deltapromotion.promoter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.cli.OperatorCli;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.stack.PromoterOnTheStack;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Operators' promote and rollback commands on the real stack, preprod → prod with an approval into prod:
 * a release promoted as one unit, a release whose third table fails rolled back as a whole, dry runs
 * that write nothing, a rollback in one command (sent with the operators' command-line tool), and a
 * rebaseline of the first stage from a baseline schema.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCommandsIT {

  private static final String BOB = "bob-" + UUID.randomUUID() + "-" + UUID.randomUUID();
  private static final List<String> TABLES = List.of("accounts", "balances", "customers");

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String preprod = "cmd_" + run + "_pp";
  private final String prod = "cmd_" + run + "_pr";
  private final TableName registry = TableName.parse("cmd_" + run + "_meta.release_registry");
  private final StackSettings stack = LocalStackExtension.settings();
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(stack.lakehouseJdbcUrl(), null, null);
  private final JdbcWarehouse warehouse = new JdbcWarehouse(lakehouse, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private PromoterOnTheStack promoter;

  @BeforeAll
  void startThePromoter() {
    sql("CREATE SCHEMA " + preprod, "CREATE SCHEMA " + prod);
    for (String table : TABLES) {
      sql("CREATE TABLE " + preprod + "." + table + " USING delta COMMENT 'the " + table + " of record'"
          + " AS SELECT id FROM range(0, 10)");
    }
    Map<String, String> settings = new java.util.HashMap<>(PromoterOnTheStack.ladder("preprod", preprod, "prod", prod));
    settings.putAll(Map.of(
        "deltapromotion.promoter.release-registry.table", registry.toString(),
        "deltapromotion.promoter.commands.operators[0].name", "bob",
        "deltapromotion.promoter.commands.operators[0].token", BOB));
    promoter = PromoterOnTheStack.start(stack, "promoter-service-commands-it-" + run, settings);
  }

  @AfterAll
  void stopThePromoter() {
    if (promoter != null) {
      promoter.close();
    }
  }

  @Test
  void givenReleasesWaitingForProd_whenOperatorsPromoteAndRollBack_thenReleasesMoveAsOneUnitAndRollbacksTakeOneCommand()
      throws Exception {
    String r1 = "r1-" + run;
    reportEveryTable(0, r1);

    HttpResponse<String> plan = promoter.command("promote?dry-run=true", BOB, "{\"release\": \"" + r1 + "\", \"stage\": \"prod\"}");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    assertThat(plan.body()).contains("\"dryRun\":true").contains("would promote release " + r1 + " (3 table(s)");
    assertThat(TABLES).as("the dry run wrote nothing").noneMatch(table -> warehouse.tableExists(target(table)));
    assertThat(promoter.command("promote", BOB, "{\"table\": \"" + prod + ".accounts\", \"stage\": \"prod\"}").statusCode())
        .as("a table outside the first stage").isEqualTo(422);

    assertAccepted(promoter.command("promote", BOB, "{\"release\": \"" + r1 + "\", \"stage\": \"prod\", \"reason\": \"go\"}"));
    for (String table : TABLES) {
      promoter.awaitOutcome(source(table), "prod", PromotionStatus.PROMOTED);
      assertThat(warehouse.properties(target(table))).containsEntry("promoted_version", "0").containsEntry("release_tag", r1);
      assertThat(warehouse.tableCommentAt(target(table), 0)).as("the table comment, which a clone leaves out")
          .contains("the " + table + " of record");
    }

    String r2 = "r2-" + run;
    for (String table : TABLES) {
      sql("INSERT INTO " + source(table) + " SELECT id FROM range(10, 15)");
    }
    reportEveryTable(1, r2);
    sql("DROP TABLE " + target("customers"), "CREATE VIEW " + target("customers") + " AS SELECT 1 AS id");

    String failedRelease = commandId(assertAccepted(promoter.command("promote", BOB,
        "{\"release\": \"" + r2 + "\", \"stage\": \"prod\"}")));

    PromotionDone customers = promoter.awaitOutcome(done -> causedBy(done, failedRelease) && done.getAwaiting() == null
        && done.getSourceTable().equals(source("customers").toString()));
    assertThat(customers.getStatus()).isEqualTo(PromotionStatus.FAILED);
    assertThat(customers.getError()).contains(target("customers") + " is a view")
        .contains("release " + r2 + " FAILED here: every table of it that was cloned is rolled back");
    for (String table : List.of("accounts", "balances")) {
      PromotionDone rolledBack = promoter.awaitOutcome(done -> causedBy(done, failedRelease)
          && done.getStatus() == PromotionStatus.ROLLED_BACK && done.getSourceTable().equals(source(table).toString()));
      assertThat(rolledBack.getSourceVersion()).as("what prod holds again").isEqualTo(0L);
      assertThat(rolledBack.getError()).startsWith("release " + r2 + " failed at [" + source("customers") + "]");
      assertThat(warehouse.properties(target(table))).containsEntry("promoted_version", "0");
      assertThat(count(target(table))).isEqualTo(10);
    }

    sql("DROP VIEW " + target("customers"));
    String retried = commandId(assertAccepted(promoter.command("promote", BOB,
        "{\"release\": \"" + r2 + "\", \"stage\": \"prod\"}")));
    for (String table : TABLES) {
      PromotionDone promoted = promoter.awaitOutcome(done -> causedBy(done, retried) && done.getAwaiting() == null
          && done.getSourceTable().equals(source(table).toString()));
      assertThat(promoted.getStatus()).as(promoted.getError()).isEqualTo(PromotionStatus.PROMOTED);
    }
    assertThat(count(target("accounts"))).isEqualTo(15);

    long historyBefore = warehouse.history(target("accounts"), 1).get(0).version();
    Cli rollbackPlan = cli("rollback", "--table", source("accounts").toString(), "--stage", "prod", "--dry-run", "--output", "markdown");
    assertThat(rollbackPlan.exitStatus()).as(rollbackPlan.out()).isEqualTo(OperatorCli.OK);
    assertThat(rollbackPlan.out()).startsWith("### `rollback`: DRY RUN")
        .contains("would roll " + target("accounts") + " back from version 1 to version 0")
        .contains("RESTORE " + target("accounts") + " to its version").contains("| actor | bob |");
    assertThat(warehouse.history(target("accounts"), 1).get(0).version()).as("the dry run wrote nothing").isEqualTo(historyBefore);
    String rollbackBody = "{\"table\": \"" + source("accounts") + "\", \"stage\": \"prod\"}";
    HttpResponse<String> bareFlag = promoter.command("rollback?dry-run", BOB, rollbackBody);
    assertThat(bareFlag.statusCode()).as(bareFlag.body()).isEqualTo(200);
    assertThat(bareFlag.body()).as("a flag without a value is a dry run").contains("\"dryRun\":true");
    assertThat(promoter.command("rollback?dry-run=maybe", BOB, rollbackBody).statusCode()).isEqualTo(400);
    assertThat(warehouse.history(target("accounts"), 1).get(0).version()).as("neither wrote anything").isEqualTo(historyBefore);

    Cli accepted = cli("rollback", "--table", source("accounts").toString(), "--stage", "prod", "--reason", "wrong totals",
        "--output", "json");
    assertThat(accepted.exitStatus()).as(accepted.out() + accepted.err()).isEqualTo(OperatorCli.OK);
    assertThat(accepted.out()).contains("\"outcome\" : \"accepted\"").contains("\"httpStatus\" : 202");
    String rollback = accepted.out().replaceAll("(?s).*\"commandId\" : \"([0-9a-f-]+)\".*", "$1");

    PromotionDone rolledBack = promoter.awaitOutcome(done -> causedBy(done, rollback));
    assertThat(rolledBack.getStatus()).as(rolledBack.getError()).isEqualTo(PromotionStatus.ROLLED_BACK);
    assertThat(rolledBack.getSourceVersion()).isEqualTo(0L);
    assertThat(rolledBack.getPreviousPromotedVersion()).isEqualTo(1L);
    assertThat(rolledBack.getError()).startsWith("rolled back from version 1 to 0 by bob (wrong totals); RESTORE of");
    assertThat(warehouse.history(target("accounts"), 1).get(0).operation()).isEqualTo("RESTORE");
    assertThat(warehouse.properties(target("accounts"))).containsEntry("promoted_version", "0").containsEntry("release_tag", r1);
    assertThat(count(target("accounts"))).isEqualTo(10);
    assertTheReleaseRegistryRecordsEveryOutcomeAndIsRebuiltFromTheLog(failedRelease, rollback);

    Cli refused = cli("rollback", "--table", source("accounts").toString(), "--stage", "prod");
    assertThat(refused.exitStatus()).as("nothing held before version 0").isEqualTo(OperatorCli.REFUSED);
    assertThat(refused.out()).startsWith("REFUSED rollback (HTTP 409): prod cannot roll " + source("accounts")
        + " back from version 0");
  }

  @Test
  void givenOneTableOfAReleaseFailedQc_whenTheReleaseIsPromoted_thenItIsRefusedNamingItAndNothingIsWritten()
      throws Exception {
    String release = "bad-" + run;
    TableName ledger = TableName.parse(preprod + ".ledger");
    TableName audit = TableName.parse(preprod + ".audit");
    sql("CREATE TABLE " + ledger + " USING delta AS SELECT id FROM range(0, 3)",
        "CREATE TABLE " + audit + " USING delta AS SELECT id FROM range(0, 3)");
    promoter.publish(promoter.report(ledger, 0, TableName.parse(prod + ".ledger"), QcStatus.PASS, release));
    promoter.publish(promoter.report(audit, 0, TableName.parse(prod + ".audit"), QcStatus.FAIL, release));
    promoter.awaitOutcome(audit, "prod", PromotionStatus.BLOCKED);
    promoter.awaitOutcome(ledger, "prod", PromotionStatus.BLOCKED);

    HttpResponse<String> refused = promoter.command("promote", BOB, "{\"release\": \"" + release + "\", \"stage\": \"prod\"}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("nothing may enter prod until every table may: " + audit + " version 0: version 0 failed QC");
    assertThat(warehouse.tableExists(TableName.parse(prod + ".ledger"))).isFalse();
  }

  @Test
  void givenABaselineSchema_whenRebaselined_thenEveryTableIsClonedIntoTheFirstStageAndAnnouncedForQcWithProgress()
      throws Exception {
    String baseline = "cmd_" + run + "_base";
    sql("CREATE SCHEMA " + baseline);
    for (String table : List.of("authors", "books")) {
      sql("CREATE TABLE " + baseline + "." + table + " USING delta AS SELECT id FROM range(0, 7)",
          "INSERT INTO " + baseline + "." + table + " SELECT id FROM range(7, 9)");
    }

    Cli plan = cli("rebaseline", "--from", baseline, "--tag", "BASELINE_202611", "--dry-run");
    assertThat(plan.exitStatus()).as(plan.out() + plan.err()).isEqualTo(OperatorCli.OK);
    assertThat(plan.out()).startsWith("DRY RUN rebaseline").contains("(2 table(s), each at its current version)")
        .contains(baseline + ".authors v1 -> " + preprod + ".authors");
    assertThat(warehouse.tableExists(TableName.parse(preprod + ".authors"))).as("the dry run wrote nothing").isFalse();
    assertThat(cli("rebaseline", "--from", preprod).exitStatus()).as("a ladder schema is no baseline")
        .isEqualTo(OperatorCli.REFUSED);

    Cli accepted = cli("rebaseline", "--from", baseline, "--tag", "BASELINE_202611", "--reason", "new snapshot");
    assertThat(accepted.exitStatus()).as(accepted.out() + accepted.err()).isEqualTo(OperatorCli.OK);
    String rebaseline = accepted.out().replaceAll("(?s).*\\(command ([0-9a-f-]+)\\).*", "$1");

    for (String table : List.of("authors", "books")) {
      PromotionDone cloned = promoter.awaitOutcome(done -> causedBy(done, rebaseline)
          && done.getSourceTable().equals(baseline + "." + table));
      assertThat(cloned.getStatus()).as(cloned.getError()).isEqualTo(PromotionStatus.PROMOTED);
      assertThat(cloned.getTargetEnvironment()).isEqualTo("preprod");
      assertThat(cloned.getReleaseTag()).isEqualTo("BASELINE_202611");
      TableName firstStage = TableName.parse(preprod + "." + table);
      assertThat(warehouse.properties(firstStage)).containsEntry("promoted_from", baseline + "." + table)
          .containsEntry("promoted_version", "1").containsEntry("release_tag", "BASELINE_202611");
      assertThat(count(firstStage)).isEqualTo(9);
    }
    assertThat(pipelineCommits(rebaseline)).extracting(PipelineCommitted::getTable)
        .containsExactlyInAnyOrder(preprod + ".authors", preprod + ".books");
    Cli status = cli("rebaseline-status");
    assertThat(status.out()).contains("BASELINE_202611 into " + preprod + " (by bob): 2 of 2 table(s) done, 0 failed, finished");
  }

  /** The pipeline commits the rebaseline announced, read from the topic's beginning. */
  private List<PipelineCommitted> pipelineCommits(String runId) {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(Principal.OPERATOR_TOOLS.id()));
    AvroRecordDeserializer values = new AvroRecordDeserializer();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", true), false);
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.PIPELINE_COMMITTED.name(), Duration.ofSeconds(30))
          .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<PipelineCommitted> commits = new java.util.ArrayList<>();
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() instanceof PipelineCommitted commit && commit.getRunId().equals(runId)) {
            commits.add(commit);
          }
        }
        return commits.size() >= 2;
      });
      return commits;
    }
  }

  private void assertTheReleaseRegistryRecordsEveryOutcomeAndIsRebuiltFromTheLog(String failedRelease, String rollback)
      throws Exception {
    List<PromotionDone> finals = promoter.outcomes().stream().filter(done -> done.getAwaiting() == null).toList();
    await().atMost(Duration.ofMinutes(2)).until(() -> rows("SELECT event_id FROM " + registry).size() >= finals.size());
    List<List<String>> failed = rows("SELECT table_name, status, promoted_by, quality_status, notes FROM " + registry
        + " WHERE event_id IN (" + String.join(", ", finals.stream().filter(done -> causedBy(done, failedRelease))
            .map(done -> "'" + done.getEnvelope().getEventId() + "'").toList()) + ") ORDER BY table_name");
    assertThat(failed).as("two tables cloned, then rolled back once the third failed").extracting(row -> row.get(1))
        .containsExactlyInAnyOrder("PROMOTED", "ROLLED_BACK", "PROMOTED", "ROLLED_BACK", "FAILED");
    assertThat(failed).extracting(row -> row.get(2)).containsOnly("bob");
    assertThat(failed).extracting(row -> row.get(3)).containsOnly("PASS");
    assertThat(failed).filteredOn(row -> row.get(1).equals("FAILED")).singleElement()
        .satisfies(row -> assertThat(row.get(4)).contains("is a view"));
    assertThat(rows("SELECT promoted_by, source_version, status FROM " + registry + " WHERE event_id = '"
        + promoter.awaitOutcome(done -> causedBy(done, rollback)).getEnvelope().getEventId() + "'"))
        .containsExactly(List.of("bob", "0", "ROLLED_BACK"));
    sql("DELETE FROM " + registry + " WHERE status = 'ROLLED_BACK'");

    Cli rebuilt = cli("rebuild-release-registry");

    assertThat(rebuilt.exitStatus()).as(rebuilt.out() + rebuilt.err()).isEqualTo(OperatorCli.OK);
    assertThat(rebuilt.out()).startsWith("ACCEPTED rebuild-release-registry").contains("re-read delta-promotion.promotion-done");
    await().atMost(Duration.ofMinutes(3)).until(() -> rows("SELECT event_id FROM " + registry + " WHERE status = 'ROLLED_BACK'")
        .size() == 3);
    assertThat(rows("SELECT count(*), count(DISTINCT event_id) FROM " + registry)).singleElement()
        .satisfies(counts -> assertThat(counts.get(0)).as("no outcome twice").isEqualTo(counts.get(1)));
  }

  private List<List<String>> rows(String query) {
    return LakehouseSql.rows(lakehouse, query);
  }


  private void reportEveryTable(long version, String release) throws Exception {
    for (String table : TABLES) {
      promoter.publish(promoter.report(source(table), version, target(table), QcStatus.PASS, release));
    }
    for (String table : TABLES) {
      promoter.awaitOutcome(done -> done.getSourceTable().equals(source(table).toString())
          && done.getSourceVersion() == version && done.getAwaiting() != null);
    }
  }

  private record Cli(int exitStatus, String out, String err) {}

  /** Runs the operators' command-line tool against this promoter, as bob. */
  private Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = OperatorCli.run(args, Map.of("PROMOTION_TOKEN", BOB, "PROMOTION_URL", promoter.url()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> assertAccepted(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response;
  }

  private static String commandId(HttpResponse<String> accepted) {
    return accepted.body().replaceAll(".*\"commandId\":\"([0-9a-f-]+)\".*", "$1");
  }

  private static boolean causedBy(PromotionDone done, String commandId) {
    return done.getEnvelope().getCausationId() != null && done.getEnvelope().getCausationId().toString().equals(commandId);
  }

  private TableName source(String table) {
    return TableName.parse(preprod + "." + table);
  }

  private TableName target(String table) {
    return TableName.parse(prod + "." + table);
  }

  private long count(TableName table) {
    return LakehouseSql.count(lakehouse, table.toString());
  }


  private void sql(String... statements) {
    LakehouseSql.execute(lakehouse, statements);
  }

}
