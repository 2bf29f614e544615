package io.deltapromotion.notifier.lineage;

import io.deltapromotion.infrastructure.failure.BrokerUnavailableException;
import io.deltapromotion.notifier.domain.LineagePublisher;
import io.deltapromotion.notifier.domain.PromotionRun;
import io.deltapromotion.schemas.topics.JsonTopic;
import io.openlineage.client.OpenLineageClientUtils;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes runs to the lineage topic as OpenLineage JSON, keyed by the stage table written (so one table's
 * runs stay in order), with an idempotent producer outside the service's transactions: a run is written
 * once the broker acknowledged it. Any failure is an outage of the broker (reported as one): the run is kept
 * and written again.
 */
public final class OpenLineageKafkaPublisher implements LineagePublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenLineageKafkaPublisher.class);

  private final JsonTopic topic;
  private final OpenLineageEvents events;
  private final Duration timeout;
  private final KafkaProducer<String, String> producer;

  /**
   * @param producerConfig the service's Kafka client settings (bootstrap servers, security); serializers,
   *     transactions and acknowledgement settings in it are overridden
   */
  public OpenLineageKafkaPublisher(Map<String, Object> producerConfig, JsonTopic topic, Duration timeout,
      OpenLineageEvents events) {
    this.topic = topic;
    this.events = events;
    this.timeout = timeout;
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "notifier-lineage");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(timeout.toMillis()));
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(Math.min(timeout.toMillis(), 30_000)));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  @Override
  public String id() {
    return "openlineage-kafka:" + topic.name();
  }

  @Override
  public void publish(PromotionRun run) {
    String json = OpenLineageClientUtils.toJson(events.runEvent(run));
    try {
      producer.send(new ProducerRecord<>(topic.name(), run.targetTable(), json)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("interrupted while writing the run of " + run.summary(), e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new BrokerUnavailableException("the broker did not take the run of " + run.summary() + " on "
          + topic.name() + ": " + cause.getMessage(), cause);
    }
    log.info("Lineage of {} written to {}", run.summary(), topic.name());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
