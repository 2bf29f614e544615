package io.deltapromotion.registryservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.ChangeOrigin;
import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.schemas.topics.TopicSpec;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * registry-service on the real broker and schema registry: events published as the services publish
 * them, questions asked over HTTP, the answers judged against what was published. The service connects
 * as its own principal over the broker's TLS listener with SASL/PLAIN, configured as for a managed cluster.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
class RegistryServiceIT {

  private final StackSettings stack = LocalStackExtension.settings();
  private final String table = "reg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + ".orders";
  private final EventEnvelopes promoter = new EventEnvelopes("promoter-service", "test", Clock.systemUTC());
  private final List<ConfigurableApplicationContext> registries = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** The topics as the services declare them, for events published before any service started. */
  @BeforeEach
  void declareThePromotionLog() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      for (TopicSpec<?> topic : EventTopics.all()) {
        try {
          admin.createTopics(List.of(TopicDeclarations.of(topic))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  @AfterEach
  void stopTheRegistries() {
    registries.forEach(ConfigurableApplicationContext::close);
  }

  /** Also what a dashboard following the stream is told of the rollback and of who ordered it, live. */
  @Test
  void givenAVersionPromotedThenRolledBack_whenAskedAtAnInstantBeforeTheRollback_thenTheStageHeldTheRolledBackVersion()
      throws Exception {
    EventEnvelope announced = promoter.first();
    publish(EventTopics.TABLE_CHANGED.name(), announcement(announced, 12L));
    publish(EventTopics.PROMOTION_DONE.name(), outcome(promoter.causedBy(announced), PromotionStatus.PROMOTED, 12L, 11L));
    String registry = start();
    JsonNode promoted = await().atMost(Duration.ofMinutes(1)).until(() -> get(registry, "/api/v1/tables/" + table),
        answer -> answer.path("table").path("stages").path(0).path("version").asLong() == 12L);
    Instant beforeTheRollback = Instant.parse(promoted.path("at").asString());
    List<String> streamed = follow(registry);

    publish(EventTopics.OPERATOR_COMMANDS.name(), OperatorCommand.newBuilder().setEnvelope(promoter.causedBy(announced))
        .setAction(CommandAction.ROLLBACK).setTable(table).setVersion(11L).setStage("live").setActor("alice")
        .setReason("wrong totals").build());
    publish(EventTopics.PROMOTION_DONE.name(), outcome(promoter.causedBy(announced), PromotionStatus.ROLLED_BACK, 11L, 12L));

    await().atMost(Duration.ofMinutes(1)).until(() -> get(registry, "/api/v1/tables/" + table),
        answer -> answer.path("table").path("stages").path(0).path("version").asLong() == 11L);
    JsonNode then = get(registry, "/api/v1/tables/" + table + "?at=" + beforeTheRollback);
    assertThat(then.path("table").path("stages").path(0).path("version").asLong()).isEqualTo(12L);
    assertThat(then.path("table").path("stages").path(0).path("status").asString()).isEqualTo("PROMOTED");
    JsonNode history = get(registry, "/api/v1/tables/" + table + "/history");
    assertThat(history.path("entries")).extracting(entry -> entry.path("type").asString() + ":"
        + (entry.path("status").isNull() ? "-" : entry.path("status").asString()))
        .containsExactly("outcome:ROLLED_BACK", "command:-", "outcome:PROMOTED", "announced:-");
    await().atMost(Duration.ofMinutes(1)).until(() -> streamed.stream().anyMatch(line -> line.startsWith("data:")
        && line.contains("\"table\":\"" + table + "\"") && line.contains("\"status\":\"ROLLED_BACK\""))
        && streamed.stream().anyMatch(line -> line.contains("\"action\":\"ROLLBACK\"")));
    assertThat(streamed).contains("event:outcome", "event:command")
        .anyMatch(line -> line.contains("\"action\":\"ROLLBACK\"") && line.contains("\"actor\":\"alice\""))
        .noneMatch(line -> line.contains("\"status\":\"PROMOTED\""));
  }

  @Test
  void givenEventsPublishedTwiceBeforeItStarts_whenARegistryStarts_thenItKnowsThemOnceAndAnswersTheSameAsAnotherInstance()
      throws Exception {
    EventEnvelope announced = promoter.first();
    PromotionDone promoted = outcome(promoter.causedBy(announced), PromotionStatus.PROMOTED, 5L, null);
    publish(EventTopics.TABLE_CHANGED.name(), announcement(announced, 5L));
    publish(EventTopics.PROMOTION_DONE.name(), promoted);
    publish(EventTopics.PROMOTION_DONE.name(), promoted);

    String first = start();
    String second = start();

    JsonNode fromFirst = get(first, "/api/v1/tables/" + table + "/history");
    JsonNode fromSecond = get(second, "/api/v1/tables/" + table + "/history");
    assertThat(fromFirst.path("total").asInt()).as("the outcome delivered twice is kept once").isEqualTo(2);
    assertThat(fromSecond.path("entries")).isEqualTo(fromFirst.path("entries"));
    assertThat(status(first, "/api/v1/tables/" + "reg_x.no_such_table")).isEqualTo(404);
    assertThat(status(first, "/api/v1/tables/" + "reg_x.bad%60name")).isEqualTo(400);
    assertThat(get(first, "/v3/api-docs").path("paths").propertyNames())
        .as("the API describes itself").contains("/api/v1/tables", "/api/v1/tables/{table}/history", "/api/v1/status",
            "/api/v1/promotions/{promotionId}", "/api/v1/approvals", "/api/v1/stream");
  }

  /** The lines of the registry's live stream, as they arrive. */
  private List<String> follow(String registry) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/stream")).GET()
        .build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> stream.body().forEach(lines::add), "stream-reader");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Starts an instance on a free port; it answers once it read the log to its end. */
  private String start() {
    Map<String, String> settings = managedClusterSettings(Principal.REGISTRY);
    settings.put("server.port", "0");
    settings.put("spring.kafka.properties.schema.registry.url", stack.schemaRegistryUrl());
    ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryServiceApplication.class).run(
        settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    registries.add(registry);
    return "http://127.0.0.1:" + registry.getEnvironment().getProperty("local.server.port");
  }

  /**
   * The settings docs/security.md gives for a managed cluster (SASL_SSL, PLAIN as for Confluent Cloud's API keys,
   * a trust store), pointed at the local broker's TLS listener: every Kafka client of the service (the
   * follower, its replay, the admin that declares topics) must connect with them alone.
   */
  private Map<String, String> managedClusterSettings(Principal principal) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("spring.kafka.bootstrap-servers", stack.kafkaTlsBootstrapServers());
    settings.put("spring.kafka.properties.security.protocol", "SASL_SSL");
    settings.put("spring.kafka.properties.sasl.mechanism", "PLAIN");
    settings.put("spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule "
        + "required username=\"" + principal.id() + "\" password=\"" + stack.kafkaPassword(principal.id()) + "\";");
    settings.put("spring.kafka.properties.ssl.truststore.type", "PEM");
    settings.put("spring.kafka.properties.ssl.truststore.location", stack.kafkaTrustedCertificate().toString());
    return settings;
  }

  private TableChanged announcement(EventEnvelope envelope, long version) {
    return TableChanged.newBuilder().setEnvelope(envelope).setSourceTable(table).setTargetTable("live.orders")
        .setSourceEnvironment("preprod").setTargetEnvironment("live").setSourceVersion(version)
        .setChangeCategory(ChangeCategory.DATA_ONLY).setSchemaFingerprint("fp").setOrigin(ChangeOrigin.DETECTOR).build();
  }

  private PromotionDone outcome(EventEnvelope envelope, PromotionStatus status, long version, Long previous) {
    return PromotionDone.newBuilder().setEnvelope(envelope).setSourceTable(table).setSourceVersion(version)
        .setTargetTable("live.orders").setTargetEnvironment("live").setStatus(status).setPreviousPromotedVersion(previous)
        .build();
  }

  /** Publishes the event as the broker's super user: the test plays every service that writes the log. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void publish(String topic, SpecificRecord event) throws Exception {
    AvroRecordSerializer serializer = new AvroRecordSerializer();
    serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER));
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(properties, new StringSerializer(), (Serializer) serializer)) {
      producer.send(new ProducerRecord<>(topic, table, event)).get();
    }
  }

  private JsonNode get(String registry, String path) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(registry + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(answer.body());
  }

  private int status(String registry, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(registry + path)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
