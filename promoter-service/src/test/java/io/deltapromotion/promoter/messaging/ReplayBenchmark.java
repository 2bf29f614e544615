package io.deltapromotion.promoter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.Hop;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.Wait;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * How long the promoter's start-up replay takes: 100,000 events (QC reports and promotion outcomes of
 * 1,000 tables, 25 versions each, every version reported by QC, promoted into a first stage, waiting for
 * its soak, then promoted into a second) on the local stack's broker, replayed the way the promoter
 * replays at start-up (to the end offsets fixed up front, committed data only) two ways, once each
 * untimed, then interleaved and repeated: reading and decoding the events only, and rebuilding the
 * promotion log from them. Prints each way's median and spread and the ratio: what folding the log adds
 * to reading it. The events go to topics of their own, not the stack's. Not part of the build's tests
 * (its name ends in neither Test nor IT): run it with {@code bin/benchmark replay}. It measures; it
 * asserts only that every event was read.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
class ReplayBenchmark {

  private static final int TABLES = Integer.getInteger("benchmark.tables", 1_000);
  private static final int VERSIONS = 25;
  private static final int EVENTS_PER_VERSION = 4;
  private static final int ROUNDS = 5;

  private final StackSettings stack = LocalStackExtension.settings();
  private final String prefix = "replay-bench-" + UUID.randomUUID().toString().substring(0, 8);
  private final String reports = prefix + ".qc-completed";
  private final String outcomes = prefix + ".promotion-done";

  @Test
  void replayOneHundredThousandEvents() throws Exception {
    createTopics();
    long written = publishHistory();
    replay(event -> { });
    replay(event -> LogEntries.of(event).ifPresent(new PromotionLog()::apply));
    List<Long> readOnly = new ArrayList<>();
    List<Long> rebuilt = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      readOnly.add(timed(() -> replay(event -> { }), written));
      rebuilt.add(timed(() -> {
        PromotionLog log = new PromotionLog();
        return replay(event -> LogEntries.of(event).ifPresent(log::apply));
      }, written));
    }
    System.out.printf("%nReplay benchmark: %,d events of %,d tables, %d rounds interleaved (median, min-max)%n",
        written, TABLES, ROUNDS);
    System.out.printf("%-46s %24s %18s%n", "approach", "wall time (min-max)", "events per second");
    print("read and decode only", readOnly, written);
    print("rebuild the promotion log (promoter start-up)", rebuilt, written);
    System.out.printf("ratio, rebuilding the log / reading only: %.2fx%n", (double) median(rebuilt) / median(readOnly));
  }

  private long replay(Consumer<Object> fold) {
    TopicReplayer replayer = new TopicReplayer(withRegistry(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER)), Duration.ofMinutes(10));
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      return replayer.replay(List.of(reports, outcomes), deserializer, record -> fold.accept(record.value()));
    }
  }

  /** The benchmark's topics are its own: it reads and writes them as the broker's super user. */
  private Map<String, Object> withRegistry(Map<String, Object> client) {
    Map<String, Object> config = new java.util.HashMap<>(client);
    config.put("schema.registry.url", stack.schemaRegistryUrl());
    return config;
  }

  private static long timed(Supplier<Long> replay, long expected) {
    long start = System.nanoTime();
    long read = replay.get();
    long elapsed = System.nanoTime() - start;
    assertThat(read).as("events replayed").isEqualTo(expected);
    return elapsed;
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      int partitions = EventTopics.PROMOTION_DONE.partitions();
      admin.createTopics(List.of(new NewTopic(reports, partitions, (short) 1), new NewTopic(outcomes, partitions, (short) 1)))
          .all().get();
    }
  }

  /** Every table's history, in the order the services would have written it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private long publishHistory() throws Exception {
    AvroRecordSerializer serializer = new AvroRecordSerializer();
    serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER));
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    EventEnvelopes qc = new EventEnvelopes("qc-service", "bench", Clock.systemUTC());
    EventEnvelopes promoter = new EventEnvelopes("promoter-service", "bench", Clock.systemUTC());
    long written = 0;
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(properties, new StringSerializer(), (Serializer) serializer)) {
      for (int version = 0; version < VERSIONS; version++) {
        for (int table = 0; table < TABLES; table++) {
          TableName source = TableName.parse(String.format("dev.t%04d", table));
          QcCompleted report = QcCompleted.newBuilder().setEnvelope(qc.first()).setTable(source.toString())
              .setVersion((long) version).setTargetTable("stg." + source.table()).setTargetEnvironment("staging")
              .setStatus(QcStatus.PASS).setChecks(List.of()).setRowCount(10L).setDurationMillis(1)
              .setChangeCategory(ChangeCategory.DATA_ONLY).build();
          producer.send(new ProducerRecord<>(reports, report.getTable(), report));
          for (PromotionDone done : climb(promoter, report, source, version)) {
            producer.send(new ProducerRecord<>(outcomes, done.getSourceTable(), done));
          }
          written += EVENTS_PER_VERSION;
        }
      }
      producer.flush();
    }
    return written;
  }

  private static List<PromotionDone> climb(EventEnvelopes envelopes, QcCompleted report, TableName source, long version) {
    UUID promotion = report.getEnvelope().getCorrelationId();
    TableName staging = TableName.parse("stg." + source.table());
    TableName live = TableName.parse("live." + source.table());
    Instant soakEnds = report.getEnvelope().getOccurredAt().plus(Duration.ofHours(1));
    return List.of(
        PromotionEvents.toEvent(hop(promotion, source, version, staging, "staging", PromotionStatus.PROMOTED, null),
            envelopes.within(promotion, report.getEnvelope().getEventId()), "PASS", null, null),
        PromotionEvents.toEvent(hop(promotion, source, version, live, "live", PromotionStatus.BLOCKED,
            new Wait.Soak("staging", soakEnds)), envelopes.within(promotion, null), "PASS", null, null),
        PromotionEvents.toEvent(hop(promotion, source, version, live, "live", PromotionStatus.PROMOTED, null),
            envelopes.within(promotion, null), "PASS", null, null));
  }

  private static Hop hop(UUID promotion, TableName source, long version, TableName target, String stage,
      PromotionStatus status, Wait wait) {
    return new Hop(promotion.toString(), null, source, version, target, stage, null,
        new PromotionOutcome(status, status == PromotionStatus.PROMOTED ? version + 1 : null, null, false,
            wait == null ? null : "awaiting " + wait.description()), wait, null);
  }

  private static void print(String approach, List<Long> nanos, long events) {
    double median = median(nanos) / 1e9;
    System.out.printf("%-46s %7.2f s (%5.2f-%5.2f) %18.0f%n", approach, median,
        nanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1e9,
        nanos.stream().mapToLong(Long::longValue).max().orElseThrow() / 1e9, events / median);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
