package io.deltapromotion.demo.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deltapromotion.demo.hostile.HostileInput.AlertedAsText;
import io.deltapromotion.demo.hostile.HostileInput.Answered;
import io.deltapromotion.demo.hostile.HostileInput.DeadLettered;
import io.deltapromotion.demo.hostile.HostileInput.Http;
import io.deltapromotion.demo.hostile.HostileInput.Kafka;
import io.deltapromotion.demo.hostile.HostileInput.NotServed;
import io.deltapromotion.demo.hostile.HostileInput.Policy;
import io.deltapromotion.demo.hostile.HostileInput.PolicyAcceptedWithoutDollar;
import io.deltapromotion.demo.hostile.HostileInput.PolicyRefused;
import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.policy.CustomCheck;
import io.deltapromotion.policy.InvalidPolicyException;
import io.deltapromotion.policy.PolicyFileReader;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.StackSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends each case of the corpus through its door and checks the handling it gets. */
public final class HostileInputProbe implements AutoCloseable {

  private final StackSettings services;
  private final String keyPrefix;
  private final Supplier<List<String>> alerts;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<Principal, KafkaProducer<String, byte[]>> producers = new EnumMap<>(Principal.class);
  private final KafkaConsumer<byte[], byte[]> deadLetterReader;
  private final Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLettersByTopic = new HashMap<>();

  /**
   * @param keyPrefix unique to the run, so the dead letters of this run's cases are told from earlier ones
   * @param alerts what the notifier's webhook received so far
   */
  public HostileInputProbe(StackSettings services, String keyPrefix, Supplier<List<String>> alerts) {
    this.services = services;
    this.keyPrefix = keyPrefix;
    this.alerts = alerts;
    Properties reader = new Properties();
    reader.putAll(services.kafkaClient(Principal.OPERATOR_TOOLS.id()));
    deadLetterReader = new KafkaConsumer<>(reader, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = EventTopics.deadLetters().stream()
        .map(topic -> new TopicPartition(topic.name(), 0)).toList();
    deadLetterReader.assign(partitions);
    deadLetterReader.seekToBeginning(partitions);
  }

  public void check(HostileInput hostile) throws Exception {
    if (hostile.input() instanceof Http request) {
      checkAnswer(hostile, send(request));
    } else if (hostile.input() instanceof Kafka record) {
      checkDeadLetter(hostile, record);
    } else if (hostile.input() instanceof Policy policy) {
      checkPolicy(hostile, policy);
    }
  }

  private HttpResponse<String> send(Http request) throws Exception {
    HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
        : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(request.body().getBytes(StandardCharsets.UTF_8)))
        : HttpRequest.BodyPublishers.ofString(request.body());
    HttpRequest.Builder builder = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + services.port(request.service()) + request.path()))
        .timeout(Duration.ofSeconds(30)).method(request.method(), body);
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    if (request.token() != null) {
      builder.header("Authorization", "Bearer " + request.token());
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void checkAnswer(HostileInput hostile, HttpResponse<String> response) {
    if (hostile.expected() instanceof AlertedAsText alerted) {
      assertThat(response.statusCode()).as(hostile.id() + ": " + response.body()).isEqualTo(alerted.status());
      await(hostile.id()).atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(alerts.get())
          .anySatisfy(alert -> assertThat(alert).contains(alerted.shown())));
      assertThat(alerts.get()).as(hostile.id()).noneSatisfy(alert -> assertThat(alert).contains(alerted.never()));
    } else if (hostile.expected() instanceof Answered answered) {
      assertThat(response.statusCode()).as(hostile.id() + ": " + response.body()).isEqualTo(answered.status());
      assertThat(response.body()).as(hostile.id()).contains(answered.reason());
    } else if (hostile.expected() instanceof NotServed notServed) {
      assertThat(response.statusCode()).as(hostile.id() + ": " + response.body()).isEqualTo(notServed.status());
    } else {
      throw new IllegalStateException(hostile.id() + ": an HTTP case is answered");
    }
  }

  private void checkDeadLetter(HostileInput hostile, Kafka record) throws Exception {
    DeadLettered expected = (DeadLettered) hostile.expected();
    String key = keyPrefix + hostile.id();
    ProducerRecord<String, byte[]> sent = new ProducerRecord<>(record.topic(), key, record.value());
    record.headers().forEach((name, value) -> sent.headers().add(name, value));
    producerOf(record.topic()).send(sent).get();
    await(hostile.id()).atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      readDeadLetters();
      assertThat(reasons(expected.topic(), key)).as("%s: dead letters keyed %s on %s", hostile.id(), key,
          expected.topic().name()).anySatisfy(reason -> assertThat(reason).contains(expected.reason()));
    });
  }

  /**
   * A producer connected as the topic's owner: a hostile record reaches a service only from a principal the
   * broker lets write its input (any other is refused, as KafkaAccessIT proves), so it plays that writer gone wrong.
   */
  private KafkaProducer<String, byte[]> producerOf(String topic) {
    Principal owner = EventTopics.all().stream().filter(spec -> spec.name().equals(topic)).findFirst()
        .orElseThrow(() -> new IllegalStateException(topic + " is not an event topic")).access().owner();
    return producers.computeIfAbsent(owner, principal -> {
      Properties properties = new Properties();
      properties.putAll(services.kafkaClient(principal.id()));
      properties.put("max.request.size", String.valueOf(2 * 1024 * 1024));
      return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    });
  }

  private void readDeadLetters() {
    for (ConsumerRecord<byte[], byte[]> record : deadLetterReader.poll(Duration.ofMillis(500))) {
      deadLettersByTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record);
    }
  }

  private List<String> reasons(DeadLetterTopic topic, String key) {
    return deadLettersByTopic.getOrDefault(topic.name(), List.of()).stream()
        .filter(record -> record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(key))
        .map(record -> record.headers().lastHeader(DeadLetterTopic.REASON_HEADER)).filter(Objects::nonNull)
        .map(header -> new String(header.value(), StandardCharsets.UTF_8)).toList();
  }

  private static void checkPolicy(HostileInput hostile, Policy policy) {
    if (hostile.expected() instanceof PolicyRefused refused) {
      InvalidPolicyException error = catchThrowableOfType(InvalidPolicyException.class,
          () -> PolicyFileReader.read("corpus.yaml", policy.yaml()));
      assertThat(error).as(hostile.id() + ": refused").isNotNull();
      assertThat(error.errors()).as(hostile.id()).anySatisfy(problem -> {
        assertThat(problem.line()).isEqualTo(refused.line());
        assertThat(problem.field()).isEqualTo(refused.field());
        assertThat(problem.message()).contains(refused.reason());
      });
      assertThat(error.getMessage()).contains("corpus.yaml:" + refused.line() + ": " + refused.field() + ": ");
    } else if (hostile.expected() instanceof PolicyAcceptedWithoutDollar) {
      CustomCheck check = PolicyFileReader.read("corpus.yaml", policy.yaml()).policyFor(TableName.parse("a.b"))
          .checks().get(0);
      String sql = Aggregate.metric("hostile", check.expression()).expression();
      assertThat(sql).as(hostile.id()).doesNotContain("$").contains("\\u0024{env:SECRET}");
    } else {
      throw new IllegalStateException(hostile.id() + ": a policy case is refused or accepted");
    }
  }

  private static org.awaitility.core.ConditionFactory await(String alias) {
    return org.awaitility.Awaitility.await(alias).pollInterval(Duration.ofMillis(200));
  }

  @Override
  public void close() {
    producers.values().forEach(KafkaProducer::close);
    deadLetterReader.close();
  }
}
