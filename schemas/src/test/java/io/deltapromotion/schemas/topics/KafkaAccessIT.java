package io.deltapromotion.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The stack's broker enforces who may do what: every principal authenticates, may write only the topics
 * declared as its own and read only the ones it consumes, and may use only its own consumer groups and
 * transactional ids. The bytes written are a forged event's; the broker refuses them before reading them.
 */
@RequiresLocalStack(Component.KAFKA)
class KafkaAccessIT {

  private static final byte[] FORGED = "a QcCompleted PASS for a version that failed".getBytes(StandardCharsets.UTF_8);

  private final StackSettings stack = LocalStackExtension.settings();

  @BeforeAll
  static void declareTheTopics() throws Exception {
    try (Admin admin = Admin.create(LocalStackExtension.settings().kafkaClient(KafkaAccessProvisioner.SUPER_USER))) {
      for (NewTopic topic : everyTopic().map(name -> new NewTopic(name, 1, (short) 1)).toList()) {
        try {
          admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> givenEveryTopicWhenEachPrincipalWritesToItThenOnlyItsDeclaredWritersSucceed() {
    List<DynamicTest> tests = new ArrayList<>();
    Stream.of(EventTopics.all().stream().map(topic -> Map.entry(topic.name(), topic.access())),
        EventTopics.deadLetters().stream().map(topic -> Map.entry(topic.name(), topic.access())),
        EventTopics.jsonTopics().stream().map(topic -> Map.entry(topic.name(), topic.access()))).flatMap(topics -> topics)
        .forEach(topic -> {
          for (Principal principal : Principal.values()) {
            boolean allowed = topic.getValue().writers().contains(principal);
            tests.add(DynamicTest.dynamicTest(principal.id() + (allowed ? " writes " : " is refused writing ") + topic.getKey(),
                () -> {
                  if (allowed) {
                    assertThat(write(principal, topic.getKey()).offset()).isNotNegative();
                  } else {
                    assertThatThrownBy(() -> write(principal, topic.getKey()))
                        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
                  }
                }));
          }
        });
    return tests.stream();
  }

  @Test
  void givenThePipelinesCredentialsWhenTheyReadTheQualityReportsThenTheBrokerRefuses() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(Principal.UPSTREAM_PIPELINES.id(), Map.of())) {
      consumer.assign(List.of(new TopicPartition(EventTopics.QC_COMPLETED.name(), 0)));
      consumer.seekToBeginning(consumer.assignment());
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void givenThePromotersCredentialsWhenItReadsTheQualityReportsThenItMay() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(Principal.PROMOTER.id(), Map.of())) {
      TopicPartition partition = new TopicPartition(EventTopics.QC_COMPLETED.name(), 0);
      assertThat(consumer.endOffsets(List.of(partition), Duration.ofSeconds(30))).containsKey(partition);
    }
  }

  @Test
  void givenQcServiceCredentialsWhenItJoinsThePromotersConsumerGroupThenTheBrokerRefuses() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(Principal.QC.id(), Map.of("group.id", "promoter-service"))) {
      consumer.subscribe(List.of(EventTopics.QC_COMPLETED.name()));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @Test
  void givenDetectorCredentialsWhenItTakesThePromotersTransactionalIdThenTheBrokerRefusesToFenceThePromoter() {
    Map<String, Object> config = new HashMap<>(stack.kafkaClient(Principal.DETECTOR.id()));
    config.put("transactional.id", "promoter-service-8093");
    config.put("max.block.ms", 30_000);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
    }
  }

  @Test
  void givenAWrongPasswordWhenAClientConnectsThenAuthenticationFails() {
    Map<String, Object> config = new HashMap<>(stack.kafkaClient(Principal.PROMOTER.id()));
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"promoter-service\" password=\"guessed\";");
    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
          .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void givenNoCredentialsWhenAClientConnectsThenItGetsNothing() {
    Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
        "default.api.timeout.ms", 5_000, "request.timeout.ms", 4_000);
    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.listTopics().names().get())
          .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }

  private RecordMetadata write(Principal principal, String topic) throws Exception {
    Map<String, Object> config = new HashMap<>(stack.kafkaClient(principal.id()));
    config.put("enable.idempotence", false);
    config.put("acks", "all");
    config.put("max.block.ms", 30_000);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(topic, "dap_silver_pp.author_profile".getBytes(StandardCharsets.UTF_8),
          FORGED)).get();
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer(String principal, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(stack.kafkaClient(principal));
    config.put("enable.auto.commit", false);
    config.put("auto.offset.reset", "earliest");
    config.putAll(extra);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Stream<String> everyTopic() {
    return Stream.of(EventTopics.all().stream().map(TopicSpec::name),
        EventTopics.deadLetters().stream().map(DeadLetterTopic::name),
        EventTopics.jsonTopics().stream().map(JsonTopic::name)).flatMap(names -> names);
  }
}
