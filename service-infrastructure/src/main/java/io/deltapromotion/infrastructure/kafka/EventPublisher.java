package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes an event to its declared topic and returns only once the broker acknowledged it
 * ({@code acks=all}), so a caller records its own progress only after the event is durable.
 */
public final class EventPublisher {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaTemplate<String, SpecificRecord> kafka;

  public EventPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
    this.kafka = kafka;
  }

  public <V extends SpecificRecord> void publish(TopicSpec<V> topic, String key, V event) {
    try {
      kafka.send(topic.name(), key, event).get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + topic.name() + " (key " + key + ")", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not publish to " + topic.name() + " (key " + key + "): " + e.getMessage(), e);
    }
  }
}
