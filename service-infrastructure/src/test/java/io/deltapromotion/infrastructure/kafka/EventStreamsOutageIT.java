package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.health.OutageHealthIndicator;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.schemas.topics.TopicAccess;
import io.deltapromotion.schemas.topics.TopicSpec;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * How a service's listeners treat failures, on the real broker and registry: an outage (the warehouse
 * down, the registry down) is waited out for as long as it lasts, longer than the two minutes after which
 * events used to be dead-lettered, and shows in health; only bad input is dead-lettered, at once.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamsOutageIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String TOPIC = "it.listened." + RUN;
  // The test's service runs as the broker's super user, on topics of its own: their declared access is not granted.
  private static final DeadLetterTopic DEAD_LETTERS = new DeadLetterTopic("delta-promotion.dead-letter.it-" + RUN,
      TopicAccess.ownedBy(Principal.QC), 1, TopicSpec.HISTORY);
  static final AtomicInteger warehouseDownFor = new AtomicInteger();
  static final List<String> handled = new CopyOnWriteArrayList<>();

  private final StackSettings stack = LocalStackExtension.settings();
  private RegistryGate gate;
  private ConfigurableApplicationContext service;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(EventStreamsConfiguration.class)
  static class Service {

    @Bean
    DeadLetterTopic deadLetterTopic() {
      return DEAD_LETTERS;
    }

    @KafkaListener(id = "it-listener", topics = "${it.topic}")
    void on(SpecificRecord event) {
      if (warehouseDownFor.getAndDecrement() > 0) {
        throw new WarehouseUnavailableException("cannot connect to the warehouse (the test keeps it down)", null);
      }
      handled.add(event instanceof PipelineCommitted commit ? commit.getEventId()
          : ((OperatorCommand) event).getReason());
    }
  }

  @BeforeAll
  void startService() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    gate = new RegistryGate(stack.schemaRegistryUrl());
    Stream<String> kafka = stack.springKafka(StackSettings.KAFKA_SUPER_USER).entrySet().stream()
        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue());
    service = new SpringApplicationBuilder(Service.class).web(org.springframework.boot.WebApplicationType.NONE).run(
        Stream.concat(kafka, Stream.of(
        "--spring.config.import=classpath:delta-promotion-kafka.yml",
        "--spring.application.name=it-service-" + RUN,
        "--spring.kafka.properties.schema.registry.url=" + gate.url(),
        "--spring.kafka.consumer.group-id=it-" + RUN,
        "--it.topic=" + TOPIC,
        "--deltapromotion.events.retry-initial-backoff=100ms",
        "--deltapromotion.events.retry-max-backoff=400ms",
        // What dead-lettered an outage after this long before; it must not any more.
        "--deltapromotion.events.retry-max-elapsed=1s")).toArray(String[]::new));
  }

  @AfterAll
  void stopService() {
    if (service != null) {
      service.close();
    }
    if (gate != null) {
      gate.close();
    }
  }

  @Test
  void givenTheWarehouseDownLongerThanRetriesUsedToLastWhenAnEventArrivesThenItWaitsIsReportedAndIsHandledOnceItIsBack() {
    warehouseDownFor.set(15);

    send("down-then-up", valid("down-then-up"));

    await().atMost(Duration.ofSeconds(30)).until(() -> stalledOn(Dependency.WAREHOUSE));
    assertThat(service.getBean(OutageHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
    await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("down-then-up"));
    assertThat(deadLetters()).noneMatch(letter -> letter.key().equals("down-then-up"));
    await().atMost(Duration.ofSeconds(10)).until(() -> service.getBean(OutageHealthIndicator.class).health().getStatus()
        .equals(Status.UP));
  }

  /** An event of a schema the listener has not decoded before, so its schema must be fetched from the registry. */
  @Test
  void givenTheSchemaRegistryDownWhenAnEventArrivesThenItIsNotDeadLetteredButHandledOnceTheRegistryIsBack() {
    byte[] command = serialize(OperatorCommand.newBuilder()
        .setEnvelope(new EventEnvelopes("it", "1", Clock.systemUTC()).first()).setAction(CommandAction.APPROVE)
        .setTable("pp.orders").setVersion(1L).setStage("prod").setActor("it").setReason("registry-down").build());
    gate.shut();
    try {
      send("registry-down", command);
      await().atMost(Duration.ofSeconds(30)).until(() -> stalledOn(Dependency.SCHEMA_REGISTRY));
    } finally {
      gate.open();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("registry-down"));
    assertThat(deadLetters()).noneMatch(letter -> letter.key().equals("registry-down"));
  }

  @Test
  void givenBytesThatAreNotOurAvroWhenTheyArriveThenTheyAreDeadLetteredAtOnceWithTheReasonAndTheNextEventIsHandled() {
    send("not-avro", "{\"table\": \"pp.orders\"}".getBytes(StandardCharsets.UTF_8));
    send("after-not-avro", valid("after-not-avro"));

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("after-not-avro"));
    ConsumerRecord<String, byte[]> letter = deadLetters().stream().filter(record -> record.key().equals("not-avro"))
        .findFirst().orElseThrow();
    assertThat(new String(letter.headers().lastHeader(DeadLetterTopic.REASON_HEADER).value(), StandardCharsets.UTF_8))
        .contains("JSON");
  }

  private boolean stalledOn(Dependency dependency) {
    return service.getBean(OutageMonitor.class).stalls().stream().anyMatch(stall -> stall.dependency() == dependency);
  }

  private byte[] valid(String eventId) {
    return serialize(PipelineCommitted.newBuilder().setEventId(eventId).setTable("pp.orders").setVersion(1L)
        .setPipeline("it").setRunId("1").build());
  }

  private byte[] serialize(SpecificRecord event) {
    try (AvroRecordSerializer serializer = new AvroRecordSerializer()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      return serializer.serialize(TOPIC, event);
    }
  }

  private void send(String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ConsumerRecord<String, byte[]>> deadLetters() {
    List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER),
        new org.apache.kafka.common.serialization.StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
      }
    }
    return letters;
  }
}
