package io.deltapromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.KafkaClientConfigFile;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** {@code promotion dead-letters} on the real broker: a dead letter listed, sent back once, never twice. */
@RequiresLocalStack(Component.KAFKA)
class DeadLettersIT {

  private final StackSettings stack = LocalStackExtension.settings();
  private final String bootstrap = stack.kafkaBootstrapServers();
  private final Map<String, String> asOperator =
      Map.of(KafkaClientConfigFile.VARIABLE, stack.kafkaClientConfigFile(Principal.OPERATOR_TOOLS.id()).toString());
  private final Map<String, String> asSuperUser =
      Map.of(KafkaClientConfigFile.VARIABLE, stack.kafkaClientConfigFile(StackSettings.KAFKA_SUPER_USER).toString());
  /** A topic the notifier reads, as the origin of its dead letters is; the key tells this run's records apart. */
  private final String origin = EventTopics.PROMOTION_DONE.name();
  private final String key = "pp.orders." + UUID.randomUUID().toString().substring(0, 8);
  private final DeadLetterTopic deadLetters = EventTopics.NOTIFIER_DEAD_LETTER;

  @Test
  void givenADeadLetterWhoseCauseIsFixed_whenSentBack_thenItsOriginalBytesAreBackAtItsOriginOnceAndTheListSaysSo()
      throws Exception {
    createTopics();
    String location = deadLetter(key, "the original event".getBytes(StandardCharsets.UTF_8));

    Result listed = cli(asOperator, "dead-letters", "list", "--service", "notifier-service", "--bootstrap-servers", bootstrap);
    Result refused = cli(asOperator, "dead-letters", "redrive", "--at", location);
    Result sent = cli(asSuperUser, "dead-letters", "redrive", "--at", location, "--bootstrap-servers", bootstrap);
    Result again = cli(asSuperUser, "dead-letters", "redrive", "--at", location, "--bootstrap-servers", bootstrap);
    Result after = cli(asOperator, "dead-letters", "list", "--service", "notifier-service");

    assertThat(listed.out()).as(listed.err()).contains(location, "from:   " + origin + "/0/0", "reason: no such table (test)");
    assertThat(refused.status()).isEqualTo(OperatorCli.REFUSED);
    assertThat(refused.err()).contains("the broker refused the principal", "connect as a principal allowed to write it");
    assertThat(sent.status()).isZero();
    assertThat(sent.out()).contains("SENT BACK " + location + " to " + origin + "/0/0");
    assertThat(again.status()).isEqualTo(OperatorCli.REFUSED);
    assertThat(again.err()).contains("was sent back to " + origin + " already");
    assertThat(after.out()).contains(location + "  notifier-service").contains("(sent back)");
    List<ConsumerRecord<byte[], byte[]>> copies = originRecords();
    assertThat(copies).hasSize(1);
    assertThat(new String(copies.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("the original event");
    assertThat(new String(copies.get(0).headers().lastHeader("trace").value(), StandardCharsets.UTF_8)).isEqualTo("kept");
    assertThat(copies.get(0).headers().lastHeader(DeadLetterTopic.REASON_HEADER)).isNull();
  }

  private record Result(int status, String out, String err) {}

  private Result cli(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = OperatorCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      for (NewTopic topic : List.of(new NewTopic(origin, 1, (short) 1),
          new NewTopic(deadLetters.name(), 1, (short) 1).configs(deadLetters.configs()))) {
        try {
          admin.createTopics(List.of(topic)).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  /** A dead letter as a service writes it: the original bytes and headers, and why. */
  private String deadLetter(String key, byte[] value) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", "kept".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterTopic.REASON_HEADER, "no such table (test)".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterTopic.ORIGIN_HEADER, (origin + "/0/0").getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterTopic.SERVICE_HEADER, "notifier-service".getBytes(StandardCharsets.UTF_8));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.kafkaClient(Principal.NOTIFIER.id()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      RecordMetadata written = producer.send(new ProducerRecord<>(deadLetters.name(), null,
          key.getBytes(StandardCharsets.UTF_8), value, headers)).get();
      return written.topic() + "/" + written.partition() + "/" + written.offset();
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> originRecords() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(origin, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records.stream().filter(record -> record.key() != null
          && new String(record.key(), StandardCharsets.UTF_8).equals(key)).toList();
    }
  }
}
