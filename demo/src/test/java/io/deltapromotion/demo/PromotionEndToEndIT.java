package io.deltapromotion.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStack;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.Loopback;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.ServiceHealth;
import io.deltapromotion.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four services as separate processes against the real stack: detection, QC, promotion and
 * alerting of real Delta tables, bad input, and restarts. One scenario, in order.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionEndToEndIT {

  private static final Duration OUTCOME = Duration.ofMinutes(3);
  private static final String RUN = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
  private static final String PREPROD = "e2e_" + RUN + "_pp";
  private static final String PROD = "e2e_" + RUN + "_pr";
  private static final String CLEAN = PREPROD + ".clean";
  private static final String DUPES = PREPROD + ".dupes";

  private static StackSettings settings;
  private static LocalStack services;
  private static Lakehouse lakehouse;
  private static WebhookInbox webhook;
  private static PromotionWatch watch;

  @BeforeAll
  static void startServices() throws Exception {
    StackSettings stack = LocalStackExtension.settings();
    settings = stack.withServices(Path.of("target", "e2e-services").toAbsolutePath(), 18091);
    requireNoOtherPromoterRunning(stack);
    lakehouse = new Lakehouse(stack.lakehouseJdbcUrl());
    lakehouse.execute("CREATE SCHEMA " + PREPROD, "CREATE SCHEMA " + PROD,
        "CREATE TABLE " + CLEAN + " USING DELTA AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, 'c') AS t(id, label)",
        "CREATE TABLE " + DUPES + " USING DELTA AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, label)");
    webhook = new WebhookInbox(0);
    ServiceConfiguration.write(settings, PREPROD, PROD, "e2e_" + RUN, List.of("clean: [id]", "dupes: [id]"), webhook.url());
    services = new LocalStack(settings, System.out);
    services.up(Component.services(), ProcessHandle.current().pid(), Duration.ofMinutes(3));
    watch = new PromotionWatch(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.down(Component.services());
    }
    if (watch != null) {
      watch.close();
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  @Test
  @Order(1)
  void givenTheServicesWhenTheyRunThenEachIsHealthyOnLoopbackOnly() {
    for (Component service : Component.services()) {
      int port = settings.port(service);
      assertThat(ServiceHealth.of(port)).contains("\"status\":\"UP\"");
      if (!Loopback.otherAddresses().isEmpty()) {
        assertThat(Loopback.otherAddressesAccepting(port)).as(service.id()).isEmpty();
      }
    }
  }

  @Test
  @Order(2)
  void givenANewCleanTableWhenDetectedThenProdIsAShallowCloneOfExactlyThatVersionWithLineage() {
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
    try (KafkaProducer<String, Object> producer = avroProducer();
        KafkaProducer<String, byte[]> raw = new KafkaProducer<>(clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(EventTopics.TABLE_CHANGED.name(), "hostile", hostile)).get();
      raw.send(new ProducerRecord<>(EventTopics.TABLE_CHANGED.name(), "garbage", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(EventTopics.QC_DEAD_LETTER.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
        return reasons(deadLetters, "hostile").stream().anyMatch(reason -> reason.contains("contains the character ';'"))
            && reasons(deadLetters, "garbage").stream().anyMatch(reason -> reason.contains("deserialized"));
      });
    }
    lakehouse.execute("INSERT INTO " + CLEAN + " VALUES (4, 'd')");
    assertThat(watch.awaitOutcome(CLEAN, 1, OUTCOME).getStatus()).isEqualTo(PromotionStatus.PROMOTED);
  }

  @Test
  @Order(5)
  void givenPromotedAndBlockedVersionsWhenEveryServiceRestartsThenNothingIsPromotedOrAlertedAgain() {
    services.down(Component.services());
    services.up(Component.services(), ProcessHandle.current().pid(), Duration.ofMinutes(3));

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
    assertThat(lakehouse.column("DESCRIBE HISTORY " + PROD + ".clean", "operation"))
        .as("one clone per promoted version, none after the restart").filteredOn("CLONE"::equals).hasSize(3);
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

  private static Properties clientProperties() {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", settings.kafkaBootstrapServers());
    return properties;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KafkaProducer<String, Object> avroProducer() {
    AvroRecordSerializer serializer = new AvroRecordSerializer();
    serializer.configure(Map.of("schema.registry.url", settings.schemaRegistryUrl()), false);
    return new KafkaProducer<>(clientProperties(), new StringSerializer(), (org.apache.kafka.common.serialization.Serializer) serializer);
  }

  /** Another promoter on the same topics (a demo left running) would also act on this test's events. */
  private static void requireNoOtherPromoterRunning(StackSettings stack) throws Exception {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", stack.kafkaBootstrapServers());
    try (Admin admin = Admin.create(properties)) {
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
