package io.deltapromotion.demo;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the TableChanged, QcCompleted and PromotionDone topics from the beginning, as ops watching the topics
 * would, and answers how a given table version ended.
 */
public final class PromotionWatch implements AutoCloseable {

  private final KafkaConsumer<String, Object> consumer;
  private final List<TableChanged> changes = new ArrayList<>();
  private final List<QcCompleted> reports = new ArrayList<>();
  private final List<PromotionDone> outcomes = new ArrayList<>();
  private final Map<Object, String> traceIds = new IdentityHashMap<>();

  /** @param client bootstrap servers and the credentials of a principal that reads the promotion log */
  public PromotionWatch(Map<String, Object> client, String schemaRegistryUrl) {
    Properties properties = new Properties();
    properties.putAll(client);
    properties.put("isolation.level", "read_committed");
    AvroRecordDeserializer values = new AvroRecordDeserializer();
    values.configure(Map.of("schema.registry.url", schemaRegistryUrl, "specific.avro.reader", true), false);
    consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(EventTopics.TABLE_CHANGED.name(), EventTopics.QC_COMPLETED.name(),
        EventTopics.PROMOTION_DONE.name())) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads what arrived since the last call; records that are not events are skipped. */
  public synchronized void poll() {
    ConsumerRecords<String, Object> records;
    try {
      records = consumer.poll(Duration.ofMillis(500));
    } catch (RecordDeserializationException notAnEvent) {
      consumer.seek(notAnEvent.topicPartition(), notAnEvent.offset() + 1);
      return;
    }
    for (ConsumerRecord<String, Object> record : records) {
      Header traceparent = record.headers().lastHeader("traceparent");
      if (traceparent != null && record.value() != null) {
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        if (parts.length == 4) {
          traceIds.put(record.value(), parts[1]);
        }
      }
      if (record.value() instanceof TableChanged change) {
        changes.add(change);
      } else if (record.value() instanceof QcCompleted report) {
        reports.add(report);
      } else if (record.value() instanceof PromotionDone done) {
        outcomes.add(done);
      }
    }
  }

  /** Every PromotionDone of that table version seen so far. */
  public synchronized List<PromotionDone> outcomes(String sourceTable, long version) {
    return outcomes.stream()
        .filter(done -> done.getSourceTable().equals(sourceTable) && Long.valueOf(version).equals(done.getSourceVersion()))
        .toList();
  }

  /** Every PromotionDone of that table seen so far. */
  public synchronized List<PromotionDone> outcomes(String sourceTable) {
    return outcomes.stream().filter(done -> done.getSourceTable().equals(sourceTable)).toList();
  }

  /** Every QcCompleted of that table seen so far. */
  public synchronized List<QcCompleted> reports(String sourceTable) {
    return reports.stream().filter(report -> report.getTable().equals(sourceTable)).toList();
  }

  /** The TableChanged that announced that table version, if seen. */
  public synchronized Optional<TableChanged> change(String sourceTable, long version) {
    return changes.stream()
        .filter(change -> change.getSourceTable().equals(sourceTable) && Long.valueOf(version).equals(change.getSourceVersion()))
        .reduce((first, second) -> second);
  }

  /** Every TableChanged seen for that table version (more than one means it was announced twice). */
  public synchronized List<TableChanged> changes(String sourceTable, long version) {
    return changes.stream()
        .filter(change -> change.getSourceTable().equals(sourceTable) && Long.valueOf(version).equals(change.getSourceVersion()))
        .toList();
  }

  /** The trace an event seen here belongs to, from the W3C {@code traceparent} header it was written with. */
  public synchronized Optional<String> traceId(Object event) {
    return Optional.ofNullable(traceIds.get(event));
  }

  /** Polls until the table version has its PromotionDone, or the time is up. */
  public PromotionDone awaitOutcome(String sourceTable, long version, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      poll();
      List<PromotionDone> done = outcomes(sourceTable, version);
      if (!done.isEmpty()) {
        return done.get(0);
      }
    }
    throw new IllegalStateException("no PromotionDone for " + sourceTable + " version " + version + " within "
        + timeout.toSeconds() + " s");
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
