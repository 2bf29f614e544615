package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.BrokerUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A handle on topics followed by {@link TopicReplayer#follow}: how far the reading got in every
 * partition, and a way to wait until it got somewhere. That is how state derived from a log stays the
 * log's (the way Schema Registry's {@code KafkaStore} does it): a writer publishes, then waits until its
 * events were read back and applied, instead of applying them itself by a second path; and a new owner of
 * a partition waits until the reading reached that partition's end before it decides anything.
 */
public final class Following implements AutoCloseable {

  /** Stops the reading. */
  @FunctionalInterface
  interface Stop {
    void run() throws InterruptedException;
  }

  private final String topics;
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private boolean open = true;
  private Stop stop = () -> { };

  Following(String topics) {
    this.topics = topics;
  }

  synchronized void advance(Map<TopicPartition, Long> reached) {
    positions.putAll(reached);
    notifyAll();
  }

  synchronized boolean open() {
    return open;
  }

  synchronized void onClose(Stop stop) {
    this.stop = stop;
  }

  /** The offset of the next record the reading hands over in that partition; -1 for a partition it does not read. */
  public synchronized long position(TopicPartition partition) {
    return positions.getOrDefault(partition, -1L);
  }

  /**
   * Waits until every record written was handed over.
   *
   * @throws BrokerUnavailableException when the reading did not get there in time
   */
  public void awaitReadBack(List<RecordMetadata> written, Duration timeout) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (RecordMetadata record : written) {
      offsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
    }
    awaitPositions(offsets, timeout);
  }

  /**
   * Waits until the reading is at or beyond the given offset of every partition given.
   *
   * @throws BrokerUnavailableException when it did not get there in time
   */
  public synchronized void awaitPositions(Map<TopicPartition, Long> offsets, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<TopicPartition, Long> target : offsets.entrySet()) {
      while (positions.getOrDefault(target.getKey(), -1L) < target.getValue()) {
        long left = deadline - System.nanoTime();
        if (!open || left <= 0) {
          throw new BrokerUnavailableException("reading " + topics + " did not reach offset " + target.getValue() + " of "
              + target.getKey() + " within " + timeout.toSeconds() + " s (it is at " + position(target.getKey()) + ")", null);
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BrokerUnavailableException("interrupted while waiting to read back " + target.getKey(), e);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    Stop stopping;
    synchronized (this) {
      open = false;
      notifyAll();
      stopping = stop;
    }
    stopping.run();
  }
}
