package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.BrokerUnavailableException;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.schemas.topics.TopicSpec;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes a service's events in Kafka transactions: every event of one decision (a promotion's hops,
 * a release's tables) is committed together or not at all, and consumers read only committed ones. When
 * {@link #publishAll} returns, the events are durable; when it throws, none of them was published. That
 * is what lets a caller record its own progress only after its events are out, and publish again after
 * a failure without publishing twice. Each transaction is a span, and its events carry the span's trace
 * context in their headers ({@link EventTracing}).
 *
 * <p>The transactional id is the same every time this service instance starts, so starting it fences
 * its previous life: a transaction that life left open is aborted, one it was committing is completed,
 * before any topic is replayed (this starts before the replays do). A commit whose answer is lost
 * (broker frozen, connection dropped) is retried until the broker answers; a transaction in doubt after
 * a fatal producer error is settled by fencing it with a new producer and reading whether its first
 * event became visible.
 */
public final class EventPublisher implements SmartLifecycle {

  /** One event to publish: its topic, its key and the event. */
  public record Outgoing<V extends SpecificRecord>(TopicSpec<V> topic, String key, V event) {}

  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final ProducerSupplier producers;
  private final TransactionOutcome outcomes;
  private final Duration startTimeout;
  private final EventTracing tracing;
  private Producer<String, SpecificRecord> producer;

  /** Makes a new producer with the service's transactional id; each call fences the ones before. */
  @FunctionalInterface
  public interface ProducerSupplier {
    Producer<String, SpecificRecord> create();
  }

  /** Whether the event that was written at that offset is visible to read_committed readers (committed). */
  @FunctionalInterface
  public interface TransactionOutcome {
    boolean committed(RecordMetadata written);
  }

  /**
   * @param startTimeout how long start-up waits for the broker to fence the previous transactions
   */
  public EventPublisher(ProducerSupplier producers, TransactionOutcome outcomes, Duration startTimeout) {
    this(producers, outcomes, startTimeout, EventTracing.NONE);
  }

  /**
   * @param tracing the span of each transaction, whose trace context its events carry in their headers
   */
  public EventPublisher(ProducerSupplier producers, TransactionOutcome outcomes, Duration startTimeout, EventTracing tracing) {
    this.producers = producers;
    this.outcomes = outcomes;
    this.startTimeout = startTimeout;
    this.tracing = tracing;
  }

  /** A publisher over Kafka producers built from the given configuration and transactional id. */
  public static EventPublisher of(Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
      String transactionalId, Duration startTimeout, EventTracing tracing) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put("transactional.id", transactionalId);
    config.put("enable.idempotence", true);
    config.put("acks", "all");
    return new EventPublisher(() -> new KafkaProducer<>(config), new CommittedOffsets(consumerConfig), startTimeout, tracing);
  }

  /**
   * The consumer offsets a transaction commits along with its events, as the consumer group member that
   * owns their partitions (Kafka's consume-transform-produce). The broker takes them only from the
   * member's current generation: a member that lost the partitions is fenced, its transaction aborted.
   * Both methods are called under the publisher's lock, so positions read and advanced there never race.
   */
  public interface Fence {

    /** What to commit, read when the transaction is about to take it. */
    Map<TopicPartition, OffsetAndMetadata> offsets();

    /** The group member the offsets are committed as. */
    ConsumerGroupMetadata group();

    /** Told once the transaction with {@link #offsets()} is committed. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets);
  }

  public <V extends SpecificRecord> void publish(TopicSpec<V> topic, String key, V event) {
    publishAll(List.of(new Outgoing<>(topic, key, event)));
  }

  public synchronized List<RecordMetadata> publishAll(List<Outgoing<?>> events) {
    return publishAll(events, null);
  }

  /**
   * Publishes the events in one transaction, in order, with the fence's offsets when there is one (then
   * a transaction without events still commits the offsets: that is how an owner proves it still owns).
   *
   * @param fence the offsets to commit with the events; null for none
   * @throws PartitionLostException when the fence's group member no longer owns its partitions (nothing
   *     was published)
   * @throws BrokerUnavailableException when they were not published (none of them)
   * @throws org.apache.kafka.common.errors.SerializationException when an event could not be serialized
   *     (the schema registry is down, or refused its schema): none of them was published
   */
  public synchronized List<RecordMetadata> publishAll(List<Outgoing<?>> events, Fence fence) {
    if (events.isEmpty() && fence == null) {
      return List.of();
    }
    if (events.isEmpty()) {
      return publishInTransaction(events, fence, null);
    }
    Span span = tracing.startPublishing(events.get(0).topic().name(), events.get(0).key(), events.size());
    try {
      return publishInTransaction(events, fence, span);
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  private List<RecordMetadata> publishInTransaction(List<Outgoing<?>> events, Fence fence, Span span) {
    Producer<String, SpecificRecord> current = producer();
    List<RecordMetadata> written = new ArrayList<>();
    // Both read before the transaction begins: either throws PartitionLostException when the fence's
    // partitions changed hands, and nothing may be left half-begun by it.
    Map<TopicPartition, OffsetAndMetadata> offsets = fence == null ? Map.of() : fence.offsets();
    ConsumerGroupMetadata group = fence == null ? null : fence.group();
    try {
      current.beginTransaction();
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (Outgoing<?> event : events) {
        RecordHeaders headers = new RecordHeaders();
        tracing.inject(span, headers);
        sends.add(current.send(new ProducerRecord<>(event.topic().name(), null, event.key(), event.event(), headers)));
      }
      for (Future<RecordMetadata> send : sends) {
        written.add(send.get());
      }
      if (fence != null) {
        current.sendOffsetsToTransaction(offsets, group);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(current);
      throw new BrokerUnavailableException("interrupted while publishing " + describe(events), e);
    } catch (ExecutionException | KafkaException e) {
      abort(current);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof org.apache.kafka.common.errors.SerializationException serialization) {
        throw serialization;
      }
      if (PartitionLostException.isLoss(cause)) {
        throw new PartitionLostException(offsets.keySet(), cause);
      }
      throw new BrokerUnavailableException("could not publish " + describe(events) + " (none was published): "
          + cause.getMessage(), cause);
    } catch (RuntimeException e) {
      // Whatever else failed, a transaction left open would refuse every later one.
      abort(current);
      throw e;
    }
    commit(current, written, events, offsets);
    if (fence != null) {
      fence.committed(offsets);
    }
    return written;
  }

  private void commit(Producer<String, SpecificRecord> current, List<RecordMetadata> written, List<Outgoing<?>> events,
      Map<TopicPartition, OffsetAndMetadata> offsets) {
    Duration backoff = Duration.ofMillis(500);
    while (true) {
      try {
        current.commitTransaction();
        return;
      } catch (TimeoutException e) {
        log.warn("Committing {} took too long ({}); it may already be committed, so the commit is retried until "
            + "the broker answers", describe(events), e.getMessage());
        backoff = pause(backoff);
      } catch (InterruptException e) {
        discard();
        throw new BrokerUnavailableException("interrupted while committing " + describe(events)
            + "; the next start settles whether it was committed", e);
      } catch (KafkaException e) {
        if (PartitionLostException.isLoss(e)) {
          abort(current);
          throw new PartitionLostException(offsets.keySet(), e);
        }
        settle(written, events, e);
        return;
      }
    }
  }

  /**
   * The commit failed in a way that leaves it in doubt: fence it with a new producer (which completes or
   * aborts it), then read whether the first event became visible.
   */
  private void settle(List<RecordMetadata> written, List<Outgoing<?>> events, KafkaException failure) {
    discard();
    Duration backoff = Duration.ofMillis(500);
    boolean aborted = false;
    while (!aborted) {
      try {
        producer();
        if (!written.isEmpty() && outcomes.committed(written.get(0))) {
          log.warn("Committing {} failed ({}), but the transaction had been committed", describe(events),
              failure.getMessage());
          return;
        }
        aborted = true;
      } catch (KafkaException | BrokerUnavailableException e) {
        discard();
        log.warn("Settling the transaction of {} failed ({}); trying again", describe(events), e.getMessage());
        backoff = pause(backoff);
      }
    }
    throw new BrokerUnavailableException("could not publish " + describe(events) + " (its transaction was aborted): "
        + failure.getMessage(), failure);
  }

  private void abort(Producer<String, SpecificRecord> current) {
    try {
      current.abortTransaction();
    } catch (KafkaException e) {
      log.warn("Aborting a transaction failed ({}); starting a new producer, which aborts it", e.getMessage());
      discard();
    }
  }

  private Producer<String, SpecificRecord> producer() {
    if (producer == null) {
      Producer<String, SpecificRecord> created = producers.create();
      try {
        created.initTransactions();
      } catch (KafkaException e) {
        created.close(Duration.ZERO);
        throw new BrokerUnavailableException("could not start a transactional producer: " + e.getMessage(), e);
      }
      producer = created;
    }
    return producer;
  }

  private void discard() {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (KafkaException e) {
        log.debug("Closing a failed producer failed: {}", e.getMessage());
      }
      producer = null;
    }
  }

  private static Duration pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
    }
    Duration next = backoff.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private static String describe(List<Outgoing<?>> events) {
    if (events.isEmpty()) {
      return "the consumer offsets";
    }
    Outgoing<?> first = events.get(0);
    return events.size() == 1 ? "an event to " + first.topic().name() + " (key " + first.key() + ")"
        : events.size() + " events (the first to " + first.topic().name() + ", key " + first.key() + ")";
  }

  /** Fences this instance's previous transactions before anything replays a topic. */
  @Override
  public synchronized void start() {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Duration backoff = Duration.ofMillis(500);
    while (true) {
      try {
        producer();
        return;
      } catch (BrokerUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the Kafka broker did not let this service start its transactions within "
              + startTimeout.toSeconds() + " s: " + e.getMessage(), e);
        }
        log.warn("Waiting for the Kafka broker to start transactions: {}", e.getMessage());
        backoff = pause(backoff);
      }
    }
  }

  @Override
  public synchronized void stop() {
    discard();
  }

  @Override
  public synchronized boolean isRunning() {
    return producer != null;
  }

  /** Before the replays (which run just before the listener containers). */
  @Override
  public int getPhase() {
    return ReplayThenSchedule.PHASE - 100;
  }
}
