package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.promoter.domain.HandledPromotions;
import io.deltapromotion.schemas.serde.AvroRecordDeserializer;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Before any listener starts, reads the PromotionDone topic to its end to learn which promotions are
 * already done, so a restarted promoter never publishes a second outcome for one.
 */
@Component
class HandledPromotionsReplay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HandledPromotionsReplay.class);

  private final TopicReplayer replayer;
  private final KafkaProperties kafka;
  private final HandledPromotions handled;
  private volatile boolean running;

  HandledPromotionsReplay(TopicReplayer replayer, KafkaProperties kafka, HandledPromotions handled) {
    this.replayer = replayer;
    this.kafka = kafka;
    this.handled = handled;
  }

  @Override
  public void start() {
    try (AvroRecordDeserializer deserializer = new AvroRecordDeserializer()) {
      deserializer.configure(kafka.buildConsumerProperties(), false);
      replayer.replay(List.of(EventTopics.PROMOTION_DONE.name()), deserializer, record -> {
        if (record.value() instanceof PromotionDone done) {
          handled.add(done.getEnvelope().getCorrelationId().toString());
        }
      });
    }
    log.info("{} promotion(s) already done", handled.size());
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

  /** Before the listener containers. */
  @Override
  public int getPhase() {
    return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
  }
}
