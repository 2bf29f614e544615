package io.deltapromotion.cli;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The services' dead-letter topics, read and sent back directly on the broker. Sending a dead letter back
 * writes its original key, value and headers to the partition of its origin, with a
 * {@value #REDRIVEN_FROM_HEADER} header naming the dead letter: the service that rejected it reads it
 * again, and the header is how a dead letter already sent back is told from one that was not (it is
 * never sent back twice).
 */
final class DeadLetterTopics implements AutoCloseable {

  static final String REDRIVEN_FROM_HEADER = "dead-letter.redriven-from";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Object> producerConfig;

  /** @param client bootstrap servers and whom to connect as (security settings), for every client it creates */
  DeadLetterTopics(Map<String, Object> client) {
    Map<String, Object> consumerConfig = new HashMap<>(client);
    consumerConfig.putAll(Map.of("isolation.level", "read_committed", "enable.auto.commit", false,
        "default.api.timeout.ms", (int) READ_TIMEOUT.toMillis()));
    this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> producerConfig = new HashMap<>(client);
    producerConfig.putAll(Map.of("acks", "all", "enable.idempotence", true));
    this.producerConfig = Map.copyOf(producerConfig);
  }

  /** Every dead letter of the service (all services when null), oldest first per topic. */
  List<DeadLetter> list(String service) {
    List<DeadLetter> letters = new ArrayList<>();
    for (DeadLetterTopic topic : EventTopics.deadLetters()) {
      if (service != null && !topic.writer().equals(service)) {
        continue;
      }
      List<ConsumerRecord<byte[], byte[]>> records = readAll(topic.name());
      Set<String> redriven = redrivenFrom(records);
      records.forEach(record -> letters.add(DeadLetter.of(record, redriven.contains(DeadLetter.locationOf(record)))));
    }
    return letters;
  }

  /**
   * Sends the dead letter at the location back to its origin.
   *
   * @throws IllegalArgumentException when there is no such dead letter, it was not read from a topic, or
   *     it was sent back already
   */
  DeadLetter.TopicLocation redrive(String location) {
    DeadLetter.TopicLocation at = DeadLetter.TopicLocation.parse(location).filter(this::isDeadLetterTopic)
        .orElseThrow(() -> new IllegalArgumentException("'" + location + "' is not a dead letter's location "
            + "(<dead-letter topic>/<partition>/<offset>, as dead-letters list prints it)"));
    ConsumerRecord<byte[], byte[]> record = readOne(at);
    DeadLetter letter = DeadLetter.of(record, redrivenFrom(List.of(record)).contains(location));
    DeadLetter.TopicLocation origin = letter.originAt().orElseThrow(() -> new IllegalArgumentException(location
        + " was not read from a topic (" + letter.origin() + "): there is no event to send back; fix its cause instead"));
    if (letter.redriven()) {
      throw new IllegalArgumentException(location + " was sent back to " + origin.topic() + " already");
    }
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith("dead-letter.")) {
        headers.add(header);
      }
    }
    headers.add(REDRIVEN_FROM_HEADER, location.getBytes(StandardCharsets.UTF_8));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(origin.topic(), origin.partition(), null, record.key(), record.value(), headers)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending " + location + " back", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException refused) {
        throw refused;
      }
      throw new KafkaException("could not send " + location + " back to " + origin.topic() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
    return origin;
  }

  private boolean isDeadLetterTopic(DeadLetter.TopicLocation at) {
    return EventTopics.deadLetters().stream().anyMatch(topic -> topic.name().equals(at.topic()));
  }

  /** The dead letters among these that were sent back: found as copies in their origins' partitions. */
  private Set<String> redrivenFrom(List<ConsumerRecord<byte[], byte[]>> letters) {
    Set<String> redriven = new HashSet<>();
    Set<String> scanned = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      Header origin = letter.headers().lastHeader(DeadLetterTopic.ORIGIN_HEADER);
      DeadLetter.TopicLocation.parse(origin == null ? null : new String(origin.value(), StandardCharsets.UTF_8))
          .filter(at -> scanned.add(at.topic() + "/" + at.partition()))
          .ifPresent(at -> readFrom(new TopicPartition(at.topic(), at.partition()), 0).forEach(copy -> {
            String from = header(copy, REDRIVEN_FROM_HEADER);
            if (from != null) {
              redriven.add(from);
            }
          }));
    }
    return redriven;
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    consumer.partitionsFor(topic).forEach(info -> records.addAll(readFrom(new TopicPartition(topic, info.partition()), 0)));
    return records;
  }

  private ConsumerRecord<byte[], byte[]> readOne(DeadLetter.TopicLocation at) {
    return readFrom(new TopicPartition(at.topic(), at.partition()), at.offset()).stream()
        .filter(record -> record.offset() == at.offset()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("there is no dead letter at " + at));
  }

  private List<ConsumerRecord<byte[], byte[]>> readFrom(TopicPartition partition, long offset) {
    consumer.assign(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    consumer.seek(partition, Math.max(offset, consumer.beginningOffsets(List.of(partition)).get(partition)));
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (consumer.position(partition) < end) {
      if (System.nanoTime() > deadline) {
        throw new KafkaException("could not read " + partition + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
      }
      consumer.poll(POLL).records(partition).forEach(records::add);
    }
    return records;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
