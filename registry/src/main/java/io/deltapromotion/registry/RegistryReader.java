package io.deltapromotion.registry;

import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Rebuilds the registry by reading the three event topics from the beginning to the end they have
 * when the read starts: what it returns reflects every event written before the call.
 */
public final class RegistryReader {

  private final Map<String, Object> consumerConfig;
  private final Duration timeout;

  /** @param consumerConfig bootstrap.servers, schema.registry.url and any security settings */
  public RegistryReader(Map<String, Object> consumerConfig, Duration timeout) {
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.timeout = timeout;
  }

  public Registry read() {
    return read(null);
  }

  /** The registry as the log stood at that instant: events that occurred later are left out; null for now. */
  public Registry read(Instant at) {
    Registry registry = new Registry();
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(Map.of(
          "schema.registry.url", consumerConfig.get("schema.registry.url"),
          "specific.avro.reader", true), false);
      new TopicReplayer(consumerConfig, timeout).replay(
          EventTopics.promotionLog().stream().map(topic -> topic.name()).toList(), deserializer,
          record -> registry.applyUpTo(record.value(), at));
    }
    return registry;
  }
}
