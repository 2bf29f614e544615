package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.infrastructure.failure.OutageMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from the beginning to the end they had when the replay started, the way Kafka Connect
 * rebuilds its config store: state derived from a log is complete only once the log was read to its
 * end, and fixing the end offsets up front is what makes "the end" mean something while others keep
 * writing. No consumer group is used and nothing is committed; only committed transactions are read.
 *
 * <p>A replay never skips a record because something was unreachable: a record that cannot be decoded
 * because the schema registry is down, or a handler that fails because a dependency is, is retried with
 * backoff (the outage is reported to the {@link OutageMonitor}) until it goes through, or until the
 * replay's time is up, when the replay fails saying what it waited for. Only a record that is bad input
 * (not our Avro, say) is logged and skipped: it stays on the topic for anyone to inspect, and one bad
 * record cannot keep a service from starting. A topic that does not exist yet is waited for too (its
 * service creates it at start-up).
 */
public final class TopicReplayer {

  private static final Logger log = LoggerFactory.getLogger(TopicReplayer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration POSITION_NOW = Duration.ofMillis(100);

  private final Map<String, Object> consumerConfig;
  private final Duration timeout;
  private final OutageMonitor monitor;
  private final Runnable createTopics;

  /**
   * @param consumerConfig Kafka client settings (bootstrap servers, security, schema registry); group,
   *     offset and deserializer settings in it are overridden
   * @param timeout how long a replay may take, outages waited out included, before it fails
   * @param monitor where outages met while replaying are reported
   * @param createTopics asked to create the service's topics when one to replay does not exist (the
   *     broker may not have been up when the service tried at start-up)
   */
  public TopicReplayer(Map<String, Object> consumerConfig, Duration timeout, OutageMonitor monitor, Runnable createTopics) {
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    this.timeout = timeout;
    this.monitor = monitor;
    this.createTopics = createTopics;
  }

  /** A replayer for tools, whose outages are only logged, and which creates no topics. */
  public TopicReplayer(Map<String, Object> consumerConfig, Duration timeout) {
    this(consumerConfig, timeout, new OutageMonitor(Clock.systemUTC(), timeout), () -> { });
  }

  /**
   * Hands every record of the topics to the handler, partition by partition in offset order, and
   * returns how many it handed over.
   */
  public <V> long replay(List<String> topics, Deserializer<V> valueDeserializer, Consumer<ConsumerRecord<String, V>> handler) {
    try (KafkaConsumer<String, V> consumer = consumer(valueDeserializer)) {
      return new Reading<>(consumer, topics, handler, "replay of " + topics).toEnd(false);
    }
  }

  /**
   * Replays the topics to their end like {@link #replay}, then keeps handing new records to the handler
   * on a background thread until the returned handle is closed: state that must stay current after
   * start-up, read by every instance in full (no consumer group, so no instance sees only some
   * partitions). Outages while following are waited out like those of a replay, for as long as they last.
   * The handle tells how far the reading got, so a writer can wait until what it wrote was read back.
   */
  public <V> Following follow(List<String> topics, Deserializer<V> valueDeserializer,
      Consumer<ConsumerRecord<String, V>> handler) {
    KafkaConsumer<String, V> consumer = consumer(valueDeserializer);
    Reading<V> reading = new Reading<>(consumer, topics, handler, "following " + topics);
    Following following = new Following(String.join(", ", topics));
    try {
      reading.toEnd(true);
      following.advance(reading.positions());
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    Thread thread = new Thread(() -> {
      try (consumer) {
        while (following.open()) {
          reading.pollOnce(Map.of(), null);
          following.advance(reading.positions());
        }
      } catch (WakeupException e) {
        log.debug("Stopped following {}", topics);
      } catch (RuntimeException e) {
        log.error("Following {} failed; state derived from them is no longer updated", topics, e);
      }
    }, "follow-" + String.join("+", topics));
    thread.setDaemon(true);
    thread.start();
    following.onClose(() -> {
      consumer.wakeup();
      thread.join(Duration.ofSeconds(10).toMillis());
    });
    return following;
  }

  private <V> KafkaConsumer<String, V> consumer(Deserializer<V> valueDeserializer) {
    Properties properties = new Properties();
    properties.putAll(consumerConfig);
    return new KafkaConsumer<>(properties, new StringDeserializer(), valueDeserializer);
  }

  /** One consumer reading some topics: what to retry, what to skip, and for how long. */
  private final class Reading<V> {

    private final KafkaConsumer<String, V> consumer;
    private final List<String> topics;
    private final Consumer<ConsumerRecord<String, V>> handler;
    private final String work;
    private Duration backoff = FIRST_BACKOFF;

    Reading(KafkaConsumer<String, V> consumer, List<String> topics, Consumer<ConsumerRecord<String, V>> handler, String work) {
      this.consumer = consumer;
      this.topics = topics;
      this.handler = handler;
      this.work = work;
    }

    /** @param alsoNewer hand over records written after the read started too (they would be lost otherwise) */
    long toEnd(boolean alsoNewer) {
      Instant deadline = Instant.now().plus(timeout);
      List<TopicPartition> partitions = retrying(deadline, () -> topics.stream()
          .flatMap(topic -> partitionsOf(topic).stream()).toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = retrying(deadline, () -> consumer.endOffsets(partitions, POLL.multipliedBy(10)));
      long count = 0;
      while (!retrying(deadline, () -> reachedEnd(end))) {
        count += pollOnce(alsoNewer ? Map.of() : end, deadline);
      }
      monitor.succeeded(work);
      log.info("Replayed {} record(s) of {} to the end", count, topics);
      return count;
    }

    /**
     * One poll; records at or beyond {@code end} (where given) are left for later. A record that fails
     * for any reason but bad input is read again after a backoff.
     *
     * @param deadline when to give up; null to retry for as long as it takes
     */
    long pollOnce(Map<TopicPartition, Long> end, Instant deadline) {
      long count = 0;
      try {
        ConsumerRecords<String, V> records = consumer.poll(POLL);
        Map<TopicPartition, Long> unhandled = new HashMap<>();
        records.partitions().forEach(partition -> unhandled.put(partition, records.records(partition).get(0).offset()));
        for (ConsumerRecord<String, V> record : records) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long limit = end.get(partition);
          if (limit == null || record.offset() < limit) {
            try {
              handler.accept(record);
              count++;
            } catch (RuntimeException e) {
              if (!skipIfBadInput(e, record.topic() + "/" + record.partition() + "/" + record.offset() + " (key "
                  + record.key() + ")")) {
                // Read again from the first record not handled, in every partition of this poll.
                unhandled.forEach(consumer::seek);
                waitOut(e, deadline);
                return count;
              }
            }
          }
          unhandled.put(partition, record.offset() + 1);
        }
        backoff = FIRST_BACKOFF;
        monitor.succeeded(work);
      } catch (RecordDeserializationException e) {
        if (skipIfBadInput(e, e.topicPartition() + "/" + e.offset())) {
          consumer.seek(e.topicPartition(), e.offset() + 1);
        } else {
          consumer.seek(e.topicPartition(), e.offset());
          waitOut(e, deadline);
        }
      } catch (KafkaException e) {
        if (e instanceof WakeupException) {
          throw e;
        }
        waitOut(e, deadline);
      }
      return count;
    }

    private boolean skipIfBadInput(RuntimeException e, String what) {
      if (!Failures.classify(e).isBadInput()) {
        return false;
      }
      log.warn("Skipping {} of {}: {}", what, topics, e.getMessage());
      return true;
    }

    private <T> T retrying(Instant deadline, Supplier<T> read) {
      while (true) {
        try {
          T value = read.get();
          backoff = FIRST_BACKOFF;
          return value;
        } catch (KafkaException | IllegalStateException e) {
          if (e instanceof WakeupException) {
            throw e;
          }
          waitOut(e, deadline);
        }
      }
    }

    /** Reports the outage, fails the read when its time is up, else sleeps the next backoff. */
    private void waitOut(RuntimeException e, Instant deadline) {
      Failure failure = Failures.classify(e);
      monitor.failed(work, failure);
      if (deadline != null && Instant.now().plus(backoff).isAfter(deadline)) {
        throw new IllegalStateException(work + " did not finish within " + timeout.toSeconds() + " s: it kept "
            + "failing because " + failure.dependency().description() + " failed (" + failure.reason() + ")", e);
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(work + " was interrupted", interrupted);
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private List<TopicPartition> partitionsOf(String topic) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL.multipliedBy(10));
      if (infos == null || infos.isEmpty()) {
        createTopics.run();
        throw new IllegalStateException("topic " + topic + " does not exist yet (its service creates it at start-up)");
      }
      return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * Where the reading stands in every partition it reads: the offset of the next record it will hand
     * over. A partition whose position the consumer cannot tell at once (it is revalidating it with a
     * broker that is away) is left out this time: waiters see it advance once the broker is back.
     */
    Map<TopicPartition, Long> positions() {
      Map<TopicPartition, Long> positions = new HashMap<>();
      for (TopicPartition partition : consumer.assignment()) {
        try {
          positions.put(partition, consumer.position(partition, POSITION_NOW));
        } catch (KafkaException e) {
          if (e instanceof WakeupException) {
            throw e;
          }
          log.debug("The position of {} is not known now: {}", partition, e.getMessage());
        }
      }
      return positions;
    }

    private boolean reachedEnd(Map<TopicPartition, Long> end) {
      return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
  }
}
