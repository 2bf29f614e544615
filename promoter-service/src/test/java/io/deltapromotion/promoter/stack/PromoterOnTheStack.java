package io.deltapromotion.promoter.stack;

import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.PromoterServiceApplication;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The promoter booted in this JVM against the real stack, with what its tests do to it: publish QC
 * reports as qc-service would, send operators' commands over HTTP, and watch its PromotionDone topic
 * (from the moment it started).
 */
public final class PromoterOnTheStack implements AutoCloseable {

  private final StackSettings stack;
  private final ConfigurableApplicationContext promoter;
  private final KafkaConsumer<String, Object> promotionDone;
  private final List<PromotionDone> outcomes = new ArrayList<>();
  private final Map<PromotionDone, String> traceIds = new IdentityHashMap<>();
  private final EventEnvelopes qcService = new EventEnvelopes("qc-service", "test", Clock.systemUTC());

  private PromoterOnTheStack(StackSettings stack, ConfigurableApplicationContext promoter) {
    this.stack = stack;
    this.promoter = promoter;
    this.promotionDone = promotionDoneConsumer();
  }

  /**
   * Starts the promoter with the stack's endpoints, as the promoter-service principal, in its own consumer
   * group (named {@code promoter-service-...}, as the principal's ACLs require), on a random port and with
   * the given settings.
   */
  public static PromoterOnTheStack start(StackSettings stack, String group, Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>(stack.springKafka(Principal.PROMOTER.id()));
    all.putAll(Map.of(
        "server.port", "0",
        "spring.kafka.properties.schema.registry.url", stack.schemaRegistryUrl(),
        "spring.kafka.consumer.group-id", group,
        "deltapromotion.warehouse.jdbc-url", stack.lakehouseJdbcUrl()));
    all.putAll(settings);
    ConfigurableApplicationContext promoter = new SpringApplicationBuilder(PromoterServiceApplication.class)
        .run(all.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    return new PromoterOnTheStack(stack, promoter);
  }

  /**
   * The settings of a ladder whose stages each have one schema, given as name, schema, name, schema...
   */
  public static Map<String, String> ladder(String... nameThenSchema) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int stage = 0; stage < nameThenSchema.length / 2; stage++) {
      settings.put("deltapromotion.promoter.stages[" + stage + "].name", nameThenSchema[2 * stage]);
      settings.put("deltapromotion.promoter.stages[" + stage + "].schemas[0]", nameThenSchema[2 * stage + 1]);
    }
    return settings;
  }

  public QcCompleted report(TableName source, long version, TableName target, QcStatus status, String releaseTag) {
    return QcCompleted.newBuilder().setEnvelope(qcService.first()).setTable(source.toString()).setVersion(version)
        .setTargetTable(target.toString()).setTargetEnvironment("next").setStatus(status).setChecks(List.of())
        .setRowCount(10L).setDurationMillis(1).setChangeCategory(ChangeCategory.NEW_TABLE).setReleaseTag(releaseTag)
        .build();
  }

  /** Publishes the report as qc-service (with its credentials) would. */
  public void publish(QcCompleted report) throws Exception {
    publish(report, null);
  }

  /** Publishes the report as qc-service would in the trace the W3C traceparent names (none when null). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void publish(QcCompleted report, String traceparent) throws Exception {
    AvroRecordSerializer serializer = new AvroRecordSerializer();
    serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(Principal.QC.id()));
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(properties, new StringSerializer(), (Serializer) serializer)) {
      ProducerRecord<String, Object> record = new ProducerRecord<>(EventTopics.QC_COMPLETED.name(), report.getTable(), report);
      if (traceparent != null) {
        record.headers().add(EventTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
      }
      producer.send(record).get();
    }
  }

  /** The partition numbers of its input topics it owns now (its tables). */
  public Set<Integer> ownedPartitions() {
    return promoter.getBean(PartitionOwnership.class).owned();
  }

  /** Where its HTTP endpoints answer. */
  public String url() {
    return "http://127.0.0.1:" + promoter.getEnvironment().getProperty("local.server.port");
  }

  /** POSTs the JSON to /api/v1/commands/{path}, with the bearer token unless it is null. */
  public HttpResponse<String> command(String path, String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v1/commands/" + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GETs /api/v1/commands/{path} with the bearer token and returns the body (the progress of the rebaselines, for one). */
  public String read(String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/v1/commands/" + path))
        .header("Authorization", "Bearer " + token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The first outcome of the source table into the stage with that status, waiting for it. */
  public PromotionDone awaitOutcome(TableName source, String stage, PromotionStatus status) {
    return awaitOutcome(done -> done.getSourceTable().equals(source.toString()) && done.getTargetEnvironment().equals(stage)
        && done.getStatus() == status);
  }

  public PromotionDone awaitOutcome(Predicate<PromotionDone> which) {
    return await().atMost(Duration.ofMinutes(2)).until(() -> {
      poll();
      return outcomes.stream().filter(which).findFirst().orElse(null);
    }, done -> done != null);
  }

  /** The trace the outcome was published in (from its traceparent header); null when it carries none. */
  public String traceId(PromotionDone outcome) {
    return traceIds.get(outcome);
  }

  /** Every outcome seen so far (after polling once more). */
  public List<PromotionDone> outcomes() {
    poll();
    return List.copyOf(outcomes);
  }

  @Override
  public void close() {
    promotionDone.close();
    promoter.close();
  }

  private KafkaConsumer<String, Object> promotionDoneConsumer() {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(Principal.OPERATOR_TOOLS.id()));
    AvroRecordDeserializer values = new AvroRecordDeserializer();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", true), false);
    KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values);
    List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.PROMOTION_DONE.name(), Duration.ofSeconds(30))
        .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private void poll() {
    try {
      for (ConsumerRecord<String, Object> record : promotionDone.poll(Duration.ofMillis(200))) {
        if (record.value() instanceof PromotionDone done) {
          outcomes.add(done);
          String traceId = EventTracing.traceIdOf(EventTracing.traceparentOf(record.headers()));
          if (traceId != null) {
            traceIds.put(done, traceId);
          }
        }
      }
    } catch (RecordDeserializationException notAnEvent) {
      promotionDone.seek(notAnEvent.topicPartition(), notAnEvent.offset() + 1);
    }
  }
}
