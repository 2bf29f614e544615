package io.deltapromotion.notifier.messaging;

import io.deltapromotion.infrastructure.kafka.CatchUpRetry;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * What each notifier instance alerts on, when several run: the events of the partitions its consumer
 * groups assign it, each taken on only once every delivery so far was read (the deliveries are followed
 * by every instance: {@link DeliveryLogConfiguration}; an outage meanwhile is waited out), and the outage watch, run by whichever instance
 * holds the first partition of PromotionDone in the alerts' group (one instance, so an outage is not
 * announced once per notifier; the lineage group's partitions do not count).
 */
@Component
class AlertOwnership implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(AlertOwnership.class);
  static final TopicPartition WATCH = new TopicPartition(EventTopics.PROMOTION_DONE.name(), 0);

  private final TopicFollower deliveries;
  private final String alertsGroup;
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

  AlertOwnership(@Qualifier("deliveryFollower") TopicFollower deliveries,
      @Value("${spring.kafka.consumer.group-id}") String alertsGroup) {
    this.deliveries = deliveries;
    this.alertsGroup = alertsGroup;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      CatchUpRetry.untilDone(() -> deliveries.catchUpAll(consumer), () -> "the delivered alerts");
    }
    if (alertsGroup(consumer)) {
      owned.addAll(partitions);
      if (partitions.contains(WATCH)) {
        log.info("This instance runs the outage watch");
      }
    }
  }

  @Override
  public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (alertsGroup(consumer)) {
      owned.removeAll(partitions);
    }
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (alertsGroup(consumer)) {
      owned.removeAll(partitions);
    }
  }

  private boolean alertsGroup(Consumer<?, ?> consumer) {
    return alertsGroup.equals(consumer.groupMetadata().groupId());
  }

  /** Whether this instance runs the outage watch now. */
  boolean watches() {
    return owned.contains(WATCH);
  }
}
