package io.deltapromotion.detector.messaging;

import io.deltapromotion.detector.domain.AnnouncedVersions;
import io.deltapromotion.detector.domain.ChangeCategory;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.Following;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What was announced, folded from the TableChanged topic (every partition: every instance's announcements),
 * read to its end before detection starts and followed from then on. An announcement counts once it was
 * read back ({@link #awaitReadBack}), and a partition newly assigned to this instance counts as owned only
 * once the topic was read to that partition's end ({@link #catchUp}), so a new owner never announces what
 * the previous one did.
 */
@Component
class AnnouncementFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AnnouncementFollower.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final AnnouncedVersions announced;
  private final Duration timeout;
  private AvroRecordDeserializer deserializer;
  private Following following;

  AnnouncementFollower(TopicReplayer replayer, KafkaProperties kafka, AnnouncedVersions announced,
      EventStreamsProperties properties) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.announced = announced;
    this.timeout = properties.replayTimeout();
  }

  @Override
  public synchronized void start() {
    deserializer = new AvroRecordDeserializer();
    deserializer.configure(kafka.buildConsumerProperties(), false);
    following = replayer.follow(List.of(EventTopics.TABLE_CHANGED.name()), deserializer, record -> {
      if (record.value() instanceof TableChanged event) {
        announced.record(TableName.parse(event.getSourceTable()), event.getSourceVersion(), event.getCommitTime(),
            category(event.getChangeCategory()));
      }
    });
    log.info("Read the announcements of {} table(s); following them", announced.size());
  }

  /** The domain category; null for a category this build does not know (UNKNOWN). */
  private static ChangeCategory category(io.deltapromotion.events.ChangeCategory category) {
    return category == io.deltapromotion.events.ChangeCategory.UNKNOWN ? null : ChangeCategory.valueOf(category.name());
  }

  void awaitReadBack(List<RecordMetadata> written) {
    following().awaitReadBack(written, timeout);
  }

  /** Reads the announcements to the end of the given partition numbers, as they stand now. */
  void catchUp(Set<Integer> partitions, Consumer<?, ?> consumer) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions.stream()
        .map(partition -> new TopicPartition(EventTopics.TABLE_CHANGED.name(), partition)).toList(), timeout);
    following().awaitPositions(end, timeout);
  }

  private synchronized Following following() {
    if (following == null) {
      throw new IllegalStateException("the announcements are not being read yet");
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

  /** After the publisher, before the detection cycles and the listeners. */
  @Override
  public int getPhase() {
    return ReplayThenSchedule.PHASE - 10;
  }
}
