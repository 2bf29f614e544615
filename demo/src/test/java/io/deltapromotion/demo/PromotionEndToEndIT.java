package io.deltapromotion.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.demo.hostile.HostileInput;
import io.deltapromotion.demo.hostile.HostileInputCorpus;
import io.deltapromotion.demo.hostile.HostileInputProbe;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.registry.RegistryEntry;
import io.deltapromotion.registry.RegistryReader;
import io.deltapromotion.registry.RegistryServiceClient;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStack;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.Loopback;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.ServiceHealth;
import io.deltapromotion.stack.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The services as separate processes against the real stack, two instances of each pipeline service
 * sharing the tables between them, and registry-service following it all: detection, QC, promotion and alerting of real Delta tables, bad input, and
 * restarts. One scenario, in order. Every version is judged once from the topics and the warehouse, so a
 * version handled by both instances (two outcomes, two clones, two alerts) fails it.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionEndToEndIT {

  /** The broker's super user: the test looks at the services' consumer groups, which no principal of the system may. */
  private static final String SUPER_USER = StackSettings.KAFKA_SUPER_USER;

  private static final Duration OUTCOME = Duration.ofMinutes(3);
  private static final String RUN = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
  private static final String PREPROD = "e2e_" + RUN + "_pp";
  private static final String PROD = "e2e_" + RUN + "_pr";
  private static final String CLEAN = PREPROD + ".clean";
  private static final String DUPES = PREPROD + ".dupes";
  private static final String PIPED_PREPROD = "e2e_" + RUN + "_piped_pp";
  private static final String PIPED = PIPED_PREPROD + ".orders";
  private static final String REPORTS = "dap_meta.quality_reports";
  /** In the promotion design's own schemas, which its monitoring queries name. */
  private static final String AUTHORS = "dap_silver_pp.e2e_" + RUN + "_authors";
  private static final String AUTHORS_PROD = "dap_silver_pr.e2e_" + RUN + "_authors";
  private static final String TOKEN = UUID.randomUUID() + "-" + UUID.randomUUID();
  private static final String POLICY = """
      defaults:
        drift: {warn-above: 10%%, fail-above: 50%%}
      tables:
        - match: %1$s.clean
          key-columns: [id]
        - match: %1$s.dupes
          key-columns: [id]
        - match: %2$s.orders
          key-columns: [id]
          checks:
            - name: labelled
              condition: label IS NOT NULL
        - match: %4$s
          key-columns: [author_id]
      releases:
        e2e_%3$s: [%1$s.*, %2$s.*, %4$s]
      """.formatted(PREPROD, PIPED_PREPROD, RUN, AUTHORS);
  private static final List<ServiceConfiguration.Watch> MORE_WATCHES = List.of(
      new ServiceConfiguration.Watch(PIPED_PREPROD, PROD + "_piped", false),
      new ServiceConfiguration.Watch("dap_silver_pp", "dap_silver_pr", true));

  private static StackSettings settings;
  private static LocalStack services;
  private static StackSettings secondSettings;
  private static LocalStack secondInstances;
  private static Lakehouse lakehouse;
  private static WebhookInbox webhook;
  private static TraceCollector traces;
  private static PromotionWatch watch;

  @BeforeAll
  static void startServices() throws Exception {
    StackSettings stack = LocalStackExtension.settings();
    settings = stack.withServices(Path.of("target", "e2e-services").toAbsolutePath(), 18091);
    requireNoOtherPromoterRunning(stack);
    lakehouse = new Lakehouse(stack.lakehouseJdbcUrl());
    lakehouse.execute("CREATE SCHEMA " + PREPROD, "CREATE SCHEMA " + PROD, "CREATE SCHEMA " + PIPED_PREPROD,
        "CREATE SCHEMA " + PROD + "_piped",
        "CREATE TABLE " + CLEAN + " USING DELTA COMMENT 'three clean rows' AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, 'c') AS t(id, label)",
        "CREATE TABLE " + DUPES + " USING DELTA AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, label)",
        "CREATE SCHEMA IF NOT EXISTS dap_silver_pp", "CREATE SCHEMA IF NOT EXISTS dap_silver_pr",
        "CREATE TABLE " + AUTHORS + " USING DELTA AS SELECT * FROM VALUES (1, 'ada'), (2, 'grace') AS t(author_id, name)");
    webhook = new WebhookInbox(0);
    traces = new TraceCollector(0);
    ServiceConfiguration.Receivers receivers = new ServiceConfiguration.Receivers(webhook.url(), webhook.lineageUrl(),
        traces.url());
    ServiceConfiguration.write(settings, PREPROD, PROD, MORE_WATCHES, POLICY, TOKEN, receivers, REPORTS);
    secondSettings = stack.withServices(Path.of("target", "e2e-services-2").toAbsolutePath(), 18101);
    ServiceConfiguration.write(secondSettings, PREPROD, PROD, MORE_WATCHES, POLICY, TOKEN, receivers, REPORTS);
    services = new LocalStack(settings, System.out);
    secondInstances = new LocalStack(secondSettings, System.out);
    startBothInstances();
    watch = new PromotionWatch(stack.kafkaClient(Principal.OPERATOR_TOOLS.id()), stack.schemaRegistryUrl());
  }

  private static void startBothInstances() {
    services.up(Component.services(), ProcessHandle.current().pid(), Duration.ofMinutes(3));
    secondInstances.up(Component.pipelineServices(), ProcessHandle.current().pid(), Duration.ofMinutes(3));
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.down(Component.services());
    }
    if (secondInstances != null) {
      secondInstances.down(Component.pipelineServices());
    }
    if (watch != null) {
      watch.close();
    }
    if (webhook != null) {
      webhook.close();
    }
    if (traces != null) {
      traces.close();
    }
  }

  @Test
  @Order(1)
  void givenTwoInstancesOfEveryService_whenTheyRun_thenEachIsHealthyOnLoopbackOnly() {
    for (Component service : Component.services()) {
      List<Integer> ports = Component.pipelineServices().contains(service)
          ? List.of(settings.port(service), secondSettings.port(service)) : List.of(settings.port(service));
      for (int port : ports) {
        assertThat(ServiceHealth.of(port)).contains("\"status\":\"UP\"");
        if (!Loopback.otherAddresses().isEmpty()) {
          assertThat(Loopback.otherAddressesAccepting(port)).as(service.id()).isEmpty();
        }
      }
    }
  }

  @Test
  @Order(2)
  void givenANewCleanTableWhenDetectedThenProdIsAShallowCloneOfExactlyThatVersionWithLineage_andOneOpenLineageRun() {
    PromotionDone done = watch.awaitOutcome(CLEAN, 0, OUTCOME);

    assertThat(done.getStatus()).isEqualTo(PromotionStatus.PROMOTED);
    String target = PROD + ".clean";
    Map<String, String> properties = lakehouse.properties(target);
    assertThat(properties).containsEntry("promoted_from", CLEAN).containsEntry("promoted_version", "0")
        .containsEntry("release_tag", "e2e_" + RUN)
        .containsEntry("promotion_id", done.getEnvelope().getCorrelationId().toString())
        .containsKey("promoted_at");
    assertThat(lakehouse.column("DESCRIBE HISTORY " + target + " LIMIT 1", "operation")).containsExactly("CLONE");
    assertThat(lakehouse.column("DESCRIBE HISTORY " + target + " LIMIT 1", "operationParameters").get(0))
        .contains(CLEAN).containsPattern("sourceVersion\\W+0\\b");
    assertThat(lakehouse.column("SELECT COUNT(*) FROM " + target)).containsExactly("3");
    assertThat(lakehouse.rows("DESCRIBE TABLE EXTENDED " + target)).as("the source version's comment")
        .anySatisfy(row -> assertThat(List.of(row.get("col_name").strip(), String.valueOf(row.get("data_type")).strip()))
            .containsExactly("Comment", "three clean rows"));
    assertThat(watch.change(CLEAN, 0).orElseThrow().getSourceComment().getText())
        .as("read by the detector with the version's schema").isEqualTo("three clean rows");
    assertThat(watch.reports(CLEAN)).as("passed on by QC, so the promoter need not read it").isNotEmpty()
        .allSatisfy(report -> assertThat(report.getSourceComment().getText()).isEqualTo("three clean rows"));
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(lineageOf(CLEAN, "0")).singleElement()
        .satisfies(run -> {
          assertThat(run.eventType()).isEqualTo("COMPLETE");
          assertThat(run.output()).isEqualTo(target);
          assertThat(run.qcRowCount()).as("QC's row count of that version").isEqualTo(3);
          assertThat(run.json().path("inputs").path(0).path("inputFacets").path("dataQualityAssertions").toString())
              .contains("duplicate_keys");
        }));
  }

  @Test
  @Order(2)
  void givenAVersionPromoted_whenItsEventsAndTheExportedSpansAreRead_thenTheyAreOneTraceAcrossTheFourServices() {
    watch.awaitOutcome(CLEAN, 0, OUTCOME);
    TableChanged announced = watch.change(CLEAN, 0).orElseThrow();
    String trace = watch.traceId(announced).orElseThrow(() -> new AssertionError("the TableChanged carries no traceparent"));
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      watch.poll();
      assertThat(watch.reports(CLEAN).stream().filter(report -> Long.valueOf(0).equals(report.getVersion())))
          .as("QC's report of the version").isNotEmpty().allSatisfy(report -> assertThat(watch.traceId(report)).contains(trace));
      assertThat(watch.outcomes(CLEAN, 0)).as("the outcome of the version").singleElement()
          .satisfies(done -> assertThat(watch.traceId(done)).contains(trace));
      List<TraceCollector.ReceivedSpan> spans = traces.spans(trace);
      assertThat(spans).extracting(TraceCollector.ReceivedSpan::service)
          .contains("detector-service", "qc-service", "promoter-service", "notifier-service");
      assertThat(spans).extracting(span -> span.service() + ": " + span.name()).as("the audit's scan and the clone")
          .contains("qc-service: warehouse query", "promoter-service: warehouse clone");
      assertThat(spans).filteredOn(span -> span.parentSpanId().isEmpty()).as("one root: the announcement").singleElement()
          .satisfies(root -> assertThat(root.service()).isEqualTo("detector-service"));
    });
  }

  @Test
  @Order(3)
  void givenDuplicateKeysWhenAVersionIsAuditedThenItIsBlockedProdIsUnchangedAndTheWebhookIsAlerted() {
    assertThat(watch.awaitOutcome(DUPES, 0, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);
    String target = PROD + ".dupes";
    long prodVersionBefore = lakehouse.latestVersion(target);

    lakehouse.execute("INSERT INTO " + DUPES + " VALUES (2, 'again')");
    PromotionDone done = watch.awaitOutcome(DUPES, 1, OUTCOME);

    assertThat(done.getStatus()).isEqualTo(PromotionStatus.BLOCKED);
    assertThat(done.getError()).contains("duplicate_keys");
    assertThat(lakehouse.latestVersion(target)).isEqualTo(prodVersionBefore);
    assertThat(lakehouse.properties(target)).containsEntry("promoted_version", "0");
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
        assertThat(alertsAbout(DUPES + "` v1")).hasSize(1).first().asString().contains("BLOCKED"));
  }

  @Test
  @Order(4)
  void givenBadInputWhenConsumedThenItGoesToTheDeadLetterTopicWithTheReasonAndTheServiceCarriesOn() throws Exception {
    TableChanged hostile = TableChanged.newBuilder()
        .setEnvelope(new EventEnvelopes("e2e-test", "test", Clock.systemUTC()).first())
        .setSourceTable("e2e.x; DROP TABLE " + PROD + ".clean").setTargetTable(PROD + ".x")
        .setSourceEnvironment("preprod").setTargetEnvironment("prod").setSourceVersion(0L)
        .setChangeCategory(ChangeCategory.DATA_ONLY).setOrigin(ChangeOrigin.OPERATOR)
        .build();
    // As a detector with a bug would publish them: only the detector's principal may write its topic.
    try (KafkaProducer<String, Object> producer = avroProducer(Principal.DETECTOR);
        KafkaProducer<String, byte[]> raw = new KafkaProducer<>(clientProperties(Principal.DETECTOR.id()), new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(EventTopics.TABLE_CHANGED.name(), "hostile", hostile)).get();
      raw.send(new ProducerRecord<>(EventTopics.TABLE_CHANGED.name(), "garbage", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }

    awaitDeadLetters(EventTopics.QC_DEAD_LETTER, deadLetters ->
        reasons(deadLetters, "hostile").stream().anyMatch(reason -> reason.contains("contains the character ';'"))
            && reasons(deadLetters, "garbage").stream().anyMatch(reason -> reason.contains("deserialized")));
    lakehouse.execute("INSERT INTO " + CLEAN + " VALUES (4, 'd')");
    assertThat(watch.awaitOutcome(CLEAN, 1, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);
  }

  @Test
  @Order(5)
  void givenPromotedAndBlockedVersionsWhenEveryServiceRestartsThenNothingIsPromotedAlertedOrToldAsLineageAgain() {
    services.down(Component.services());
    secondInstances.down(Component.pipelineServices());
    startBothInstances();

    lakehouse.execute("INSERT INTO " + DUPES + " VALUES (1, 'again')", "INSERT INTO " + CLEAN + " VALUES (5, 'e')");
    assertThat(watch.awaitOutcome(DUPES, 2, OUTCOME).getStatus()).isEqualTo(PromotionStatus.BLOCKED);
    assertThat(watch.awaitOutcome(CLEAN, 2, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);
    await().atMost(Duration.ofMinutes(1)).until(() -> alertsAbout(DUPES + "` v2").size() == 1);

    watch.poll();
    for (long version = 0; version <= 2; version++) {
      assertThat(watch.outcomes(CLEAN, version)).as("outcomes of clean v" + version).hasSize(1);
    }
    assertThat(watch.outcomes(DUPES)).hasSize(3);
    assertThat(alertsAbout(DUPES + "` v1")).hasSize(1);
    assertThat(alertsAbout(CLEAN + "` v0")).hasSize(1);
    await().atMost(Duration.ofMinutes(1)).until(() -> lineageOf(CLEAN, "2").size() == 1);
    for (long version = 0; version <= 2; version++) {
      assertThat(lineageOf(CLEAN, Long.toString(version))).as("lineage runs of clean v" + version).hasSize(1);
    }
    List<String> posted = webhook.lineageEvents().stream().map(LineageEvent::parse)
        .filter(run -> run.input().equals(CLEAN)).map(LineageEvent::runId).toList();
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(lineageOnTheTopic(PROD + ".clean"))
        .as("the same runs on the lineage topic, each once").extracting(LineageEvent::runId)
        .containsExactlyInAnyOrderElementsOf(posted));
    assertThat(lakehouse.column("DESCRIBE HISTORY " + PROD + ".clean", "operation"))
        .as("one clone per promoted version, none after the restart").filteredOn("CLONE"::equals).hasSize(3);
    assertThat(new RegistryServiceView(settings.endpoint(Component.REGISTRY)).awaitHeld("prod", Map.of(CLEAN, 2L), OUTCOME))
        .as("registry-service, restarted too, rebuilt from the log what prod holds").containsEntry(CLEAN, 2L);
  }

  @Test
  @Order(6)
  void givenAPipelineOnlyTable_whenItsPipelinePostsItsCommit_thenItIsPromotedWithoutAPoll_inThePipelinesTrace_andARepeatIsIgnored()
      throws Exception {
    lakehouse.execute("CREATE TABLE " + PIPED + " USING DELTA AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, label)");
    String pipelineTrace = UUID.randomUUID().toString().replace("-", "");

    HttpResponse<String> accepted = post(TOKEN, commit("commit-1", PIPED, "0"), "00-" + pipelineTrace + "-00f067aa0ba902b7-01");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.body()).contains("\"eventId\":\"commit-1\"").contains("\"version\":0");
    assertThat(watch.awaitOutcome(PIPED, 0, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);
    TableChanged change = watch.change(PIPED, 0).orElseThrow();
    assertThat(change.getOrigin()).isEqualTo(ChangeOrigin.PIPELINE);
    assertThat(change.getPipelineRun()).isEqualTo("silver_orders/run-1#commit-1");
    assertThat(change.getReleaseTag()).isEqualTo("e2e_" + RUN);
    assertThat(watch.traceId(change)).as("the announcement continues the pipeline's trace").contains(pipelineTrace);
    assertThat(watch.traceId(watch.outcomes(PIPED, 0).get(0))).as("and so does the outcome").contains(pipelineTrace);

    assertThat(post(TOKEN, commit("commit-1", PIPED, "0")).statusCode()).as("a repeat is queued").isEqualTo(202);
    lakehouse.execute("INSERT INTO " + PIPED + " VALUES (3, NULL)");
    assertThat(post(TOKEN, commit("commit-2", PIPED, "null")).statusCode()).isEqualTo(202);
    PromotionDone blocked = watch.awaitOutcome(PIPED, 1, OUTCOME);

    assertThat(blocked.getStatus()).as("the custom check fails on the null label").isEqualTo(PromotionStatus.BLOCKED);
    assertThat(blocked.getError()).contains("custom.labelled");
    watch.poll();
    assertThat(watch.changes(PIPED, 0)).as("the repeat, handled before commit-2 on the same partition, was ignored")
        .hasSize(1);
    assertThat(watch.outcomes(PIPED, 0)).hasSize(1);
  }

  @Test
  @Order(7)
  void givenBadPipelineCommits_whenPostedOrPublished_thenEachIsRefusedWithItsReasonAndNothingRuns() throws Exception {
    assertThat(post(null, commit("x", PIPED, "0"))).satisfies(r -> assertThat(r.statusCode()).isEqualTo(401));
    assertThat(post("not-the-token", commit("x", PIPED, "0")).statusCode()).isEqualTo(401);
    assertThat(post(TOKEN, "{not json")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("not a valid pipeline commit");
    });
    assertThat(post(TOKEN, commit("x", PIPED_PREPROD + ".o; DROP TABLE " + PROD + ".clean", "0"))).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("contains the character ';'");
    });
    assertThat(post(TOKEN, commit("x", PIPED, "99"))).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).contains("has no version 99");
    });
    assertThat(post(TOKEN, commit("x", "elsewhere.orders", "0"))).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).contains("is not watched");
    });

    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(clientProperties(Principal.UPSTREAM_PIPELINES.id()),
        new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(EventTopics.PIPELINE_COMMITTED.name(), "garbage", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }
    awaitDeadLetters(EventTopics.DETECTOR_DEAD_LETTER,
        deadLetters -> reasons(deadLetters, "garbage").stream().anyMatch(reason -> reason.contains("deserialized")));
    assertThat(ServiceHealth.of(settings.port(Component.DETECTOR))).contains("\"status\":\"UP\"");
  }

  @Test
  @Order(8)
  void givenReportsArchived_whenAReportIsDeliveredAgain_thenTheReportTableHasOneRowPerReportAndNothingIsPromotedAgain()
      throws Exception {
    watch.poll();
    QcCompleted failed = watch.reports(DUPES).stream().filter(report -> report.getStatus() == QcStatus.FAIL).findFirst()
        .orElseThrow();
    int outcomesBefore = watch.outcomes(DUPES).size();

    RecordMetadata again;
    try (KafkaProducer<String, Object> producer = avroProducer(Principal.QC)) {
      again = producer.send(new ProducerRecord<>(EventTopics.QC_COMPLETED.name(), failed.getTable(), failed)).get();
    }
    awaitConsumed("qc-service-report-archive", again);
    awaitConsumed("promoter-service", again);

    String ours = " WHERE table_name IN ('" + CLEAN + "', '" + DUPES + "', '" + PIPED + "')";
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      watch.poll();
      List<String> reportIds = Stream.of(CLEAN, DUPES, PIPED).flatMap(table -> watch.reports(table).stream())
          .map(report -> report.getEnvelope().getEventId().toString()).distinct().toList();
      assertThat(lakehouse.column("SELECT event_id FROM " + REPORTS + ours)).as("one row per report, however often delivered")
          .containsExactlyInAnyOrderElementsOf(reportIds);
    });
    assertThat(lakehouse.column("SELECT concat_ws(' ', table_name, table_version, status, release_tag) FROM " + REPORTS
        + " WHERE event_id = '" + failed.getEnvelope().getEventId() + "'"))
        .containsExactly(DUPES + " " + failed.getVersion() + " FAIL e2e_" + RUN);
    assertThat(lakehouse.column("SELECT table_name FROM " + REPORTS + ours + " AND report_json LIKE '%\"FAIL\"%'"))
        .as("the documents' query for failed reports").containsOnly(DUPES, PIPED);
    watch.poll();
    assertThat(watch.outcomes(DUPES)).hasSize(outcomesBefore);
  }

  /** Waits until the consumer group has committed past the record. */
  private static void awaitConsumed(String group, RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    try (Admin admin = Admin.create(clientProperties(SUPER_USER))) {
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
        return committed != null && committed.offset() > record.offset();
      });
    }
  }

  private static String commit(String eventId, String table, String version) {
    return """
        {"eventId": "%s", "table": "%s", "version": %s, "pipeline": "silver_orders", "runId": "run-1"}""".formatted(
        eventId, table, version);
  }

  @Test
  @Order(9)
  void givenABaselineSchema_whenAnOperatorRebaselines_thenTheFirstStageIsClonedFromItAndQcAuditsEachTableBeforeProd()
      throws Exception {
    String baseline = "e2e_" + RUN + "_base";
    lakehouse.execute("CREATE SCHEMA " + baseline,
        "CREATE TABLE " + baseline + ".orders USING DELTA AS SELECT * FROM VALUES (1, 'x'), (2, 'y') AS t(id, label)");

    HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + settings.port(Component.PROMOTER) + "/api/v1/commands/rebaseline"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + baseline + "\", \"into\": \"" + PIPED_PREPROD
            + "\", \"tag\": \"BASELINE_202611\"}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    PromotionDone cloned = watch.awaitOutcome(baseline + ".orders", 0, OUTCOME);
    assertThat(cloned.getStatus()).as(cloned.getError()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(cloned.getTargetTable()).isEqualTo(PIPED);
    long rebaselined = cloned.getTargetDeltaVersion();
    PromotionDone promoted = watch.awaitOutcome(PIPED, rebaselined, OUTCOME);
    assertThat(promoted.getStatus()).as(promoted.getError()).isEqualTo(PromotionStatus.PROMOTED);
    assertThat(promoted.getReleaseTag()).isEqualTo("BASELINE_202611");
    assertThat(watch.change(PIPED, rebaselined).orElseThrow().getPipelineRun()).startsWith("rebaseline/");
    assertThat(watch.reports(PIPED)).as("QC audited the baseline's version before prod")
        .anySatisfy(report -> {
          assertThat(report.getVersion()).isEqualTo(rebaselined);
          assertThat(report.getStatus()).isEqualTo(QcStatus.PASS);
          assertThat(report.getReleaseTag()).isEqualTo("BASELINE_202611");
        });
    assertThat(lakehouse.column("SHOW TBLPROPERTIES " + PROD + "_piped.orders", "value"))
        .contains(String.valueOf(rebaselined), "BASELINE_202611");
  }

  @Test
  @Order(10)
  void givenTheDashboardOpen_whenAVersionIsPromoted_thenItsLadderShowsItWithoutAReload_besideTheBlockedVersionsChecks() {
    try (DashboardPage dashboard = DashboardPage.open(settings.endpoint(Component.REGISTRY) + "/")) {
      await().atMost(Duration.ofMinutes(1)).until(() -> dashboard.stage(CLEAN, "prod").startsWith("v2"));
      assertThat(dashboard.stage(CLEAN, "prod")).contains("PROMOTED");
      assertThat(dashboard.incidents(DUPES)).as("the blocked versions, with the check that failed")
          .anySatisfy(incident -> assertThat(incident).contains("BLOCKED").contains("duplicate_keys"));
      dashboard.markLoaded();

      lakehouse.execute("INSERT INTO " + CLEAN + " VALUES (6, 'f')");
      assertThat(watch.awaitOutcome(CLEAN, 3, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);

      await().atMost(Duration.ofMinutes(1)).until(() -> dashboard.stage(CLEAN, "prod").startsWith("v3"));
      assertThat(dashboard.reloaded()).as("updated from the live stream, not by loading the page again").isFalse();
    }
  }

  @Test
  @Order(11)
  void givenTheRunSoFar_whenEveryServiceIsScraped_thenItsMetricsCountWhatHappened() throws Exception {
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      ScrapedMetrics now = ScrapedMetrics.of(settings.port(Component.REGISTRY));
      assertThat(now.sum("deltapromotion_promotions_total", Map.of("stage", "prod", "outcome", "PROMOTED")))
          .as("clean v0-v3, dupes v0 and the piped table, at least").isGreaterThanOrEqualTo(6);
      assertThat(now.sum("deltapromotion_promotions_total", Map.of("stage", "prod", "outcome", "BLOCKED")))
          .as("dupes v1 and v2, at least").isGreaterThanOrEqualTo(2);
      assertThat(now.sum("deltapromotion_promotion_lead_time_seconds_count", Map.of("stage", "prod"))).isGreaterThanOrEqualTo(6);
    });
    ScrapedMetrics registry = ScrapedMetrics.of(settings.port(Component.REGISTRY));
    assertThat(registry.sum("deltapromotion_promotion_lead_time_seconds_sum", Map.of("stage", "prod"))).isPositive();
    assertThat(registry.has("deltapromotion_approvals_waiting", Map.of("stage", "prod", "application", "registry-service"))).isTrue();
    assertThat(registry.has("deltapromotion_approvals_oldest_wait_seconds", Map.of("stage", "prod"))).isTrue();

    ScrapedMetrics qc = ScrapedMetrics.of(bothInstances(Component.QC));
    assertThat(qc.sum("deltapromotion_qc_duration_seconds_count", Map.of("verdict", "FAIL"))).as("dupes v2, after the restart")
        .isGreaterThanOrEqualTo(1);
    assertThat(qc.sum("deltapromotion_qc_checks_total", Map.of("check", "duplicate_keys", "verdict", "FAIL"))).isGreaterThanOrEqualTo(1);
    assertThat(qc.sum("deltapromotion_qc_checks_total", Map.of("check", "null_keys", "verdict", "PASS"))).isGreaterThanOrEqualTo(1);
    assertThat(qc.sum("deltapromotion_warehouse_statements_seconds_count", Map.of("kind", "query", "outcome", "ok"))).isPositive();

    ScrapedMetrics detector = ScrapedMetrics.of(bothInstances(Component.DETECTOR));
    assertThat(detector.sum("deltapromotion_dead_letters_total",
        Map.of("topic", EventTopics.PIPELINE_COMMITTED.name(), "reason", "undecodable"))).as("the garbage of test 7").isEqualTo(1);
    assertThat(detector.sum("deltapromotion_warehouse_statements_seconds_count", Map.of("kind", "history"))).isPositive();

    ScrapedMetrics promoter = ScrapedMetrics.of(bothInstances(Component.PROMOTER));
    assertThat(promoter.sum("deltapromotion_warehouse_statements_seconds_count", Map.of("kind", "clone", "outcome", "ok")))
        .as("clean v3 at least, cloned after the restart").isGreaterThanOrEqualTo(1);
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      assertThat(ScrapedMetrics.of(bothInstances(Component.QC)).has("deltapromotion_consumer_lag",
          Map.of("group", "qc-service", "topic", EventTopics.TABLE_CHANGED.name()))).isTrue();
      assertThat(ScrapedMetrics.of(bothInstances(Component.NOTIFIER)).has("deltapromotion_consumer_lag",
          Map.of("group", "notifier-service"))).isTrue();
    });
  }

  @Test
  @Order(12)
  void givenRegistryServiceRunning_whenBinRegistryAsksIt_thenItsRowsAreTheOnesRebuiltFromTheTopics() {
    List<String> tables = List.of(CLEAN, DUPES, PIPED);
    Map<String, Object> operatorTools = new HashMap<>(settings.kafkaClient(Principal.OPERATOR_TOOLS.id()));
    operatorTools.put("schema.registry.url", settings.schemaRegistryUrl());
    Map<String, RegistryEntry> rebuilt = new RegistryReader(operatorTools, Duration.ofMinutes(1)).read(null).entries().stream()
        .filter(entry -> tables.contains(entry.sourceTable()))
        .collect(java.util.stream.Collectors.toMap(RegistryEntry::sourceTable, entry -> entry));
    Map<String, RegistryEntry> asked = new RegistryServiceClient(URI.create(settings.endpoint(Component.REGISTRY)))
        .tables(null).orElseThrow().stream().filter(entry -> tables.contains(entry.sourceTable()))
        .collect(java.util.stream.Collectors.toMap(RegistryEntry::sourceTable, entry -> entry));

    assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    assertThat(asked.values()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("lastError", "updatedAt")
        .containsExactlyInAnyOrderElementsOf(rebuilt.values());
  }

  @Test
  @Order(13)
  void givenATableInTheDesignsSchemasPromoted_whenTheDesignsMonitoringQueriesRunAsWritten_thenEachShowsIt() {
    PromotionDone promoted = watch.awaitOutcome(AUTHORS, 0, OUTCOME);
    assertThat(promoted.getStatus()).as(promoted.getError()).isEqualTo(PromotionStatus.PROMOTED);

    // A table not written yet is a failed query (IllegalStateException): asked again until it is.
    await().atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
      assertThat(lakehouse.rows("""
          SELECT * FROM dap_meta.promotion_candidates ORDER BY checked_at DESC;
          """)).as("6.1 current promotion candidates").anySatisfy(row -> assertThat(row)
              .containsEntry("table_name", AUTHORS).containsEntry("target_table", AUTHORS_PROD)
              .containsEntry("category", "NEW_TABLE").containsEntry("resolved_version", "0"));
      assertThat(lakehouse.rows("""
          SELECT release_tag, table_name, source_version, promoted_to, promoted_at, quality_status
          FROM dap_meta.release_registry
          ORDER BY promoted_at DESC
          LIMIT 200;
          """)).as("6.2 last promotions").anySatisfy(row -> assertThat(row).containsEntry("table_name", AUTHORS)
              .containsEntry("release_tag", "e2e_" + RUN).containsEntry("source_version", "0")
              .containsEntry("promoted_to", AUTHORS_PROD).containsEntry("quality_status", "PASS"));
      assertThat(lakehouse.rows("""
          SELECT * FROM dap_meta.quality_reports
          WHERE checked_at >= current_date() - INTERVAL 7 DAYS
            AND report_json LIKE '%"FAIL"%'
          ORDER BY checked_at DESC;
          """)).as("6.3 QC failures (recent)").anySatisfy(row -> assertThat(row).containsEntry("table_name", DUPES))
          .noneSatisfy(row -> assertThat(row).containsEntry("table_name", AUTHORS));
      assertThat(lakehouse.rows("""
          SELECT t.table_name, t.schema_hash AS preprod_hash, r.schema_hash AS prod_hash
          FROM dap_meta.schema_snapshots t
          LEFT JOIN dap_meta.schema_snapshots r ON r.table_name = REPLACE(t.table_name, 'dap_silver_pp.', 'dap_silver_pr.')
          WHERE t.snapshot_at = (SELECT MAX(snapshot_at) FROM dap_meta.schema_snapshots WHERE table_name = t.table_name)
          """)).as("6.4 pre-prod vs prod schema diffs: the clone has the schema of the version announced")
          .anySatisfy(row -> assertThat(row).containsEntry("table_name", AUTHORS).doesNotContainEntry("preprod_hash", null)
              .satisfies(same -> assertThat(same.get("prod_hash")).isEqualTo(same.get("preprod_hash"))));
      assertThat(lakehouse.column("SELECT expected_pk FROM dap_meta.table_registry WHERE table_name = '" + AUTHORS + "'"))
          .as("the key columns the design's QC reads from table_registry").containsExactly("author_id");
      assertThat(lakehouse.column("""
          SELECT source_version
          FROM dap_meta.release_registry
          WHERE release_tag = 'e2e_%s'
            AND table_name = '%s'
          ORDER BY promoted_at DESC
          LIMIT 1;
          """.formatted(RUN, AUTHORS))).as("1.1 the version to promote, from release_registry").containsExactly("0");
    });
  }

  @TestFactory
  @Order(14)
  Stream<DynamicTest> givenTheHostileInputCorpus_whenEachCaseIsSentThroughItsDoor_thenItGetsItsHandlingAndEveryServiceGoesOn()
      throws Exception {
    HostileInputProbe probe = new HostileInputProbe(settings, "corpus-" + RUN + "-", webhook::messages);
    List<HostileInput> corpus = HostileInputCorpus.cases(new CorpusRun());
    assertThat(corpus).as("the corpus's size").hasSizeGreaterThanOrEqualTo(50);
    return Stream.concat(
        corpus.stream().map(hostile -> DynamicTest.dynamicTest(hostile.id() + ": " + hostile.covers(),
            () -> probe.check(hostile))),
        Stream.of(DynamicTest.dynamicTest("every service is still healthy", () -> {
          probe.close();
          for (Component service : Component.services()) {
            assertThat(ServiceHealth.of(settings.port(service))).as(service.name()).contains("\"status\":\"UP\"");
          }
        })));
  }

  /** What the corpus needs of this run: a watched table, the token, valid events to twist. */
  private static final class CorpusRun implements HostileInputCorpus.Run {

    private final AvroRecordSerializer serializer = new AvroRecordSerializer();

    CorpusRun() {
      serializer.configure(Map.of("schema.registry.url", settings.schemaRegistryUrl()), false);
    }

    @Override
    public String watchedTable() {
      return CLEAN;
    }

    @Override
    public String token() {
      return TOKEN;
    }

    @Override
    public byte[] serialized(String topic, Object event) {
      return serializer.serialize(topic, event);
    }

    @Override
    public TableChanged.Builder tableChanged() {
      return TableChanged.newBuilder()
          .setEnvelope(new EventEnvelopes("e2e-corpus", "test", Clock.systemUTC()).first())
          .setSourceTable(CLEAN).setTargetTable(PROD + ".clean")
          .setSourceEnvironment("preprod").setTargetEnvironment("prod").setSourceVersion(0L)
          .setChangeCategory(ChangeCategory.DATA_ONLY).setOrigin(ChangeOrigin.OPERATOR);
    }
  }

  private static int[] bothInstances(Component service) {
    return new int[] {settings.port(service), secondSettings.port(service)};
  }

  private static HttpResponse<String> post(String token, String json) throws Exception {
    return post(token, json, null);
  }

  /** POSTs a pipeline commit as a pipeline would, in its own trace when the W3C traceparent is not null. */
  private static HttpResponse<String> post(String token, String json, String traceparent) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + settings.port(Component.DETECTOR) + "/api/v1/pipeline-commits"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitDeadLetters(DeadLetterTopic topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> seen) {
    List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientProperties(Principal.OPERATOR_TOOLS.id()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
        return seen.test(deadLetters);
      });
    }
  }

  /** The OpenLineage runs the notifiers posted of that version's promotions. */
  private static List<LineageEvent> lineageOf(String table, String version) {
    return webhook.lineageEvents().stream().map(LineageEvent::parse)
        .filter(run -> run.input().equals(table) && run.inputVersion().equals(version)).toList();
  }

  /** The OpenLineage runs on the lineage topic keyed by that stage table, read as ops. */
  private static List<LineageEvent> lineageOnTheTopic(String stageTable) {
    List<LineageEvent> runs = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clientProperties(Principal.OPERATOR_TOOLS.id()),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.LINEAGE.name(), Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        assertThat(System.nanoTime()).as("read the lineage topic to its end within 30 s").isLessThan(deadline);
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (stageTable.equals(record.key())) {
            runs.add(LineageEvent.parse(record.value()));
          }
        }
      }
    }
    return runs;
  }

  private static List<String> alertsAbout(String text) {
    return webhook.messages().stream().filter(message -> message.contains(text)).toList();
  }

  private static List<String> reasons(List<ConsumerRecord<byte[], byte[]>> records, String key) {
    return records.stream()
        .filter(record -> record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(key))
        .map(record -> record.headers().lastHeader(DeadLetterTopic.REASON_HEADER))
        .filter(java.util.Objects::nonNull)
        .map(header -> new String(header.value(), StandardCharsets.UTF_8))
        .toList();
  }

  /** A client connecting as the principal: one of the system's, or the broker's super user (for looking at groups). */
  private static Properties clientProperties(String principal) {
    Properties properties = new Properties();
    properties.putAll(settings.kafkaClient(principal));
    return properties;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KafkaProducer<String, Object> avroProducer(Principal principal) {
    AvroRecordSerializer serializer = new AvroRecordSerializer();
    serializer.configure(Map.of("schema.registry.url", settings.schemaRegistryUrl()), false);
    return new KafkaProducer<>(clientProperties(principal.id()), new StringSerializer(), (org.apache.kafka.common.serialization.Serializer) serializer);
  }

  /** Another promoter on the same topics (a demo left running) would also act on this test's events. */
  private static void requireNoOtherPromoterRunning(StackSettings stack) throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(SUPER_USER))) {
      for (String group : List.of("qc-service", "promoter-service", "notifier-service")) {
        ConsumerGroupDescription description;
        try {
          description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof GroupIdNotFoundException) {
            continue;
          }
          throw e;
        }
        if (description != null && !description.members().isEmpty()) {
          throw new IllegalStateException("consumer group " + group + " already has members: other services (a demo?) "
              + "run against this stack and would act on this test's events. Stop them first: bin/stack down services");
        }
      }
    }
  }
}
