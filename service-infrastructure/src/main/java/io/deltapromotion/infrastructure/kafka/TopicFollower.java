package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one way a service's state derived from event topics is fed: the topics, every partition, read from
 * the beginning to their end before the service's schedules and listeners start, then followed for as
 * long as it runs (committed transactions only), each event handed to one fold. Every instance folds
 * everything, so each knows what every other one published; what an instance publishes itself counts
 * once it was read back ({@link #awaitReadBack}), and a partition assigned to it is acted on once the
 * topics were read to that partition's end as it stood at the assignment ({@link #catchUp}).
 */
public final class TopicFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

  private final String state;
  private final TopicReplayer replayer;
  private final Map<String, Object> consumerConfig;
  private final List<String> topics;
  private final Duration timeout;
  private final Consumer<ConsumerRecord<String, Object>> fold;
  private final Function<Map<String, Object>, Deserializer<Object>> values;
  private Deserializer<Object> deserializer;
  private Following following;

  /**
   * @param state what the topics are folded into, for the log
   * @param consumerConfig Kafka client settings (bootstrap servers, schema registry)
   * @param timeout how long the first read, and any wait for a position, may take
   * @param fold applies one event (of any type the topics hold; others are the fold's to ignore)
   */
  public TopicFollower(String state, TopicReplayer replayer, Map<String, Object> consumerConfig, List<String> topics,
      Duration timeout, Consumer<ConsumerRecord<String, Object>> fold) {
    this(state, replayer, consumerConfig, topics, timeout, fold, TopicFollower::avro);
  }

  private TopicFollower(String state, TopicReplayer replayer, Map<String, Object> consumerConfig, List<String> topics,
      Duration timeout, Consumer<ConsumerRecord<String, Object>> fold,
      Function<Map<String, Object>, Deserializer<Object>> values) {
    this.values = values;
    this.state = state;
    this.replayer = replayer;
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.topics = List.copyOf(topics);
    this.timeout = timeout;
    this.fold = fold;
  }

  /**
   * A follower of topics whose values are not all events (a dead-letter topic holds whatever was read,
   * malformed bytes too): the fold gets each value as the bytes that were written.
   */
  public static TopicFollower ofRawValues(String state, TopicReplayer replayer, Map<String, Object> consumerConfig,
      List<String> topics, Duration timeout, Consumer<ConsumerRecord<String, Object>> fold) {
    return new TopicFollower(state, replayer, consumerConfig, topics, timeout, fold, config -> (topic, bytes) -> bytes);
  }

  private static Deserializer<Object> avro(Map<String, Object> consumerConfig) {
    AvroRecordDeserializer avro = new AvroRecordDeserializer();
    avro.configure(consumerConfig, false);
    return avro;
  }

  @Override
  public synchronized void start() {
    deserializer = values.apply(consumerConfig);
    following = replayer.follow(topics, deserializer, fold);
    log.info("Read {} from {} to the end; following them", state, topics);
  }

  /** Waits until the events published were folded in (those of other topics are not waited for). */
  public void awaitReadBack(List<RecordMetadata> written) {
    following().awaitReadBack(written.stream().filter(record -> topics.contains(record.topic())).toList(), timeout);
  }

  /** Waits until the consumed record, and everything before it in its partition, was folded in. */
  public void awaitFolded(ConsumerRecord<?, ?> record) {
    following().awaitPositions(Map.of(new TopicPartition(record.topic(), record.partition()), record.offset() + 1), timeout);
  }

  /**
   * Reads every followed topic to the end, as it stands now, of the given partition numbers: what a new
   * owner of those partitions waits for.
   *
   * @param consumer a client to ask the end offsets with (the owning group's consumer, read_committed)
   */
  public void catchUp(Set<Integer> partitions, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
    List<TopicPartition> ends = new ArrayList<>();
    topics.forEach(topic -> partitions.forEach(partition -> ends.add(new TopicPartition(topic, partition))));
    following().awaitPositions(consumer.endOffsets(ends, timeout), timeout);
  }

  /** Reads every partition of every followed topic to the end, as it stands now. */
  public void catchUpAll(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
    List<TopicPartition> ends = new ArrayList<>();
    for (String topic : topics) {
      for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
        ends.add(new TopicPartition(topic, info.partition()));
      }
    }
    following().awaitPositions(consumer.endOffsets(ends, timeout), timeout);
  }

  private synchronized Following following() {
    if (following == null) {
      throw new IllegalStateException(state + " is not being read yet");
    }
    return following;
  }

  @Override
  public synchronized void stop() {
    if (following != null) {
      try {
        following.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deserializer.close();
      following = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return following != null;
  }

  /** After the publisher (which fences earlier transactions), before the schedules and the listeners. */
  @Override
  public int getPhase() {
    return ReplayThenSchedule.PHASE - 10;
  }
}
