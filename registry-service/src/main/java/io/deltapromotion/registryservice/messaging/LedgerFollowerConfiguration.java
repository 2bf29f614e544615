package io.deltapromotion.registryservice.messaging;

import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.infrastructure.kafka.TopicDeclarations;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The ledger is fed only by following the promotion log (announcements, QC reports, outcomes) and the
 * operators' commands, every partition, from the beginning, with no consumer group: every instance
 * holds the whole ledger. It answers once they were read to their end.
 */
@Configuration(proxyBeanMethods = false)
class LedgerFollowerConfiguration {

  /** What the ledger is rebuilt from: the promotion log and the operators' commands. */
  private static final List<TopicSpec<?>> FOLLOWED = Stream.concat(EventTopics.promotionLog().stream(),
      Stream.of(EventTopics.OPERATOR_COMMANDS)).toList();

  /** The topics it reads, created if missing (with their declared partitions), so it may start before their writers. */
  @Bean
  KafkaAdmin.NewTopics followedTopics() {
    return TopicDeclarations.of(FOLLOWED.toArray(TopicSpec<?>[]::new));
  }

  @Bean
  TopicFollower promotionLogFollower(TopicReplayer replayer, KafkaProperties kafka, PromotionLedger ledger,
      EventStreamsProperties properties) {
    return new TopicFollower("the promotion log", replayer, kafka.buildConsumerProperties(),
        FOLLOWED.stream().map(TopicSpec::name).toList(), properties.replayTimeout(),
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
