package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.schemas.topics.TopicAccess;
import io.deltapromotion.schemas.topics.TopicKey;
import io.deltapromotion.schemas.topics.TopicSpec;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outages of the schema registry met by the event log's two halves, on the real broker and registry
 * (behind a gate the test shuts): a replay waits instead of skipping what it cannot decode, and the
 * events of one publication are published all together or not at all.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
class EventLogOutageIT {

  private final StackSettings stack = LocalStackExtension.settings();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  // Topics of this test's own, created, written and read as the broker's super user (their declared access is not granted).
  private final TopicSpec<PipelineCommitted> commits = new TopicSpec<>("it.commits." + run, TopicKey.SOURCE_TABLE,
      PipelineCommitted.class, TopicAccess.ownedBy(Principal.DETECTOR), 3, TopicSpec.HISTORY);
  private final TopicSpec<OperatorCommand> commands = new TopicSpec<>("it.commands." + run, TopicKey.SOURCE_TABLE,
      OperatorCommand.class, TopicAccess.ownedBy(Principal.PROMOTER), 3, TopicSpec.HISTORY);
  private final OutageMonitor monitor = new OutageMonitor(Clock.systemUTC(), Duration.ofMinutes(5));
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : closing) {
      resource.close();
    }
  }

  @Test
  void givenTheRegistryDownWhenATopicIsReplayedThenTheReplayWaitsAndHandsOverEveryRecordOnceItIsBack() throws Exception {
    createTopics(commits);
    EventPublisher publisher = publisher(stack.schemaRegistryUrl(), "it-replay-" + run);
    for (int i = 0; i < 5; i++) {
      publisher.publish(commits, "pp.t" + i, commit("c" + i));
    }
    RegistryGate gate = gate();
    gate.shut();
    TopicReplayer replayer = new TopicReplayer(config(gate.url()), Duration.ofMinutes(2), monitor, () -> { });
    List<String> handed = new CopyOnWriteArrayList<>();

    CompletableFuture<Long> replay = CompletableFuture.supplyAsync(() -> replayer.replay(List.of(commits.name()),
        deserializer(gate.url()), record -> handed.add(((PipelineCommitted) record.value()).getEventId())));

    await().atMost(Duration.ofSeconds(30)).until(() -> monitor.stalls().stream()
        .anyMatch(stall -> stall.dependency() == Dependency.SCHEMA_REGISTRY));
    assertThat(replay).isNotDone();
    assertThat(handed).isEmpty();
    gate.open();
    assertThat(replay.get()).isEqualTo(5);
    assertThat(handed).containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
    assertThat(monitor.stalls()).isEmpty();
  }

  @Test
  void givenAHandlerThatMeetsAnOutageMidPollWhenReplayedThenEveryRecordOfEveryPartitionIsHandedOverOnce() throws Exception {
    createTopics(commits);
    EventPublisher publisher = publisher(stack.schemaRegistryUrl(), "it-midpoll-" + run);
    List<EventPublisher.Outgoing<?>> events = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      events.add(new EventPublisher.Outgoing<>(commits, "pp.t" + i, commit("c" + i)));
    }
    publisher.publishAll(events);
    List<String> handed = new CopyOnWriteArrayList<>();
    boolean[] warehouseDown = {true};
    TopicReplayer replayer = new TopicReplayer(config(stack.schemaRegistryUrl()), Duration.ofMinutes(1), monitor, () -> { });

    replayer.replay(List.of(commits.name()), deserializer(stack.schemaRegistryUrl()), record -> {
      String eventId = ((PipelineCommitted) record.value()).getEventId();
      if (eventId.equals("c7") && warehouseDown[0]) {
        warehouseDown[0] = false;
        throw new WarehouseUnavailableException("cannot connect to the warehouse (the test)", null);
      }
      handed.add(eventId);
    });

    assertThat(handed).hasSize(15).doesNotHaveDuplicates();
  }

  @Test
  void givenTheEventsOfOneDecisionWhenOneCannotBeWrittenThenNoneIsPublishedAndAllAreOnTheRetry() throws Exception {
    createTopics(commits, commands);
    RegistryGate gate = gate();
    EventPublisher publisher = publisher(gate.url(), "it-atomic-" + run);
    publisher.publish(commits, "pp.orders", commit("first"));
    gate.shut();

    assertThatThrownBy(() -> publisher.publishAll(List.of(
        new EventPublisher.Outgoing<>(commits, "pp.orders", commit("lost")),
        new EventPublisher.Outgoing<>(commands, "pp.orders", command()))))
        .satisfies(failure -> assertThat(Failures.classify(failure).dependency()).isEqualTo(Dependency.SCHEMA_REGISTRY));
    gate.open();
    publisher.publishAll(List.of(
        new EventPublisher.Outgoing<>(commits, "pp.orders", commit("retried")),
        new EventPublisher.Outgoing<>(commands, "pp.orders", command())));

    TopicReplayer reader = new TopicReplayer(config(stack.schemaRegistryUrl()), Duration.ofMinutes(1), monitor, () -> { });
    List<String> committed = new ArrayList<>();
    reader.replay(List.of(commits.name()), deserializer(stack.schemaRegistryUrl()),
        record -> committed.add(((PipelineCommitted) record.value()).getEventId()));
    assertThat(committed).containsExactly("first", "retried");
    assertThat(reader.replay(List.of(commands.name()), deserializer(stack.schemaRegistryUrl()), record -> {})).isEqualTo(1);
  }

  private EventPublisher publisher(String registryUrl, String transactionalId) {
    EventPublisher publisher = EventPublisher.of(config(registryUrl), config(registryUrl), transactionalId,
        Duration.ofMinutes(1), EventTracing.NONE);
    publisher.start();
    closing.add(publisher::stop);
    return publisher;
  }

  private RegistryGate gate() throws Exception {
    RegistryGate gate = new RegistryGate(stack.schemaRegistryUrl());
    closing.add(gate);
    return gate;
  }

  private Map<String, Object> config(String registryUrl) {
    Map<String, Object> config = new HashMap<>(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER));
    config.put("schema.registry.url", registryUrl);
    config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    config.put("value.serializer", "io.deltapromotion.schemas.serde.AvroRecordSerializer");
    config.put("specific.avro.reader", true);
    return config;
  }

  private AvroRecordDeserializer deserializer(String registryUrl) {
    AvroRecordDeserializer deserializer = new AvroRecordDeserializer();
    deserializer.configure(config(registryUrl), false);
    return deserializer;
  }

  private void createTopics(TopicSpec<?>... specs) throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      admin.createTopics(List.of(specs).stream().map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1)
          .configs(spec.configs())).toList()).all().get();
    }
  }

  private static PipelineCommitted commit(String eventId) {
    return PipelineCommitted.newBuilder().setEventId(eventId).setTable("pp.orders").setVersion(3L)
        .setPipeline("it").setRunId("1").build();
  }

  private static OperatorCommand command() {
    return OperatorCommand.newBuilder()
        .setEnvelope(new EventEnvelopes("it", "1", Clock.systemUTC()).first())
        .setAction(CommandAction.APPROVE).setTable("pp.orders").setVersion(3L).setStage("prod").setActor("it")
        .build();
  }
}
