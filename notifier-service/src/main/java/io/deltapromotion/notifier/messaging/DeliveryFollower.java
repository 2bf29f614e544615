package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.Following;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What every notifier instance delivered, folded from the alerts-sent topic into the dispatcher: read to
 * its end before any listener starts, then followed, so a restarted notifier, one whose consumer group
 * lost its offsets, or one that takes over another instance's partitions sends nothing that was sent.
 */
@Component
class DeliveryFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryFollower.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final AlertDispatcher dispatcher;
  private final Duration timeout;
  private AvroRecordDeserializer deserializer;
  private Following following;

  DeliveryFollower(TopicReplayer replayer, KafkaProperties kafka, AlertDispatcher dispatcher,
      EventStreamsProperties properties) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.dispatcher = dispatcher;
    this.timeout = properties.replayTimeout();
  }

  @Override
  public synchronized void start() {
    deserializer = new AvroRecordDeserializer();
    deserializer.configure(kafka.buildConsumerProperties(), false);
    following = replayer.follow(List.of(EventTopics.ALERTS_SENT.name()), deserializer, record -> {
      if (record.value() instanceof AlertSent sent) {
        dispatcher.alreadyDelivered(sent.getAlertKey(), sent.getChannel());
      }
    });
    log.info("Read the delivered alerts; none is sent again");
  }

  /** Reads the deliveries to the end of the topic as it stands now (every instance's, up to this moment). */
  void catchUp(Consumer<?, ?> consumer) {
    List<PartitionInfo> partitions = consumer.partitionsFor(EventTopics.ALERTS_SENT.name(), timeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions.stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList(), timeout);
    following().awaitPositions(end, timeout);
  }

  private synchronized Following following() {
    if (following == null) {
      throw new IllegalStateException("the delivered alerts are not being read yet");
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

  /** After the publisher, before the outage watch and the listeners. */
  @Override
  public int getPhase() {
    return ReplayThenSchedule.PHASE - 10;
  }
}
