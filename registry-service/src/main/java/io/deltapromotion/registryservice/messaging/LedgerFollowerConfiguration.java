package io.deltapromotion.registryservice.messaging;

import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger is fed only by following the promotion log (announcements, QC reports, outcomes), every
 * partition, from the beginning, with no consumer group: every instance holds the whole ledger. It
 * answers once the log was read to its end.
 */
@Configuration(proxyBeanMethods = false)
class LedgerFollowerConfiguration {

  @Bean
  TopicFollower promotionLogFollower(TopicReplayer replayer, KafkaProperties kafka, PromotionLedger ledger,
      EventStreamsProperties properties) {
    return new TopicFollower("the promotion log", replayer, kafka.buildConsumerProperties(),
        EventTopics.promotionLog().stream().map(TopicSpec::name).toList(), properties.replayTimeout(),
        record -> LedgerEvents.of(record.value()).ifPresent(ledger::record));
  }

  /** Opens the ledger once the follower read the log to its end (it starts in an earlier phase). */
  @Bean
  SmartLifecycle ledgerOpening(PromotionLedger ledger, TopicFollower promotionLogFollower) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        ledger.replayed();
        running = true;
      }

      @Override
      public void stop() {
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return ReplayThenSchedule.PHASE;
      }
    };
  }
}
