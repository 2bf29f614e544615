package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.RegistryRecord;
import io.deltapromotion.promoter.domain.ReleaseRegistry;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.stereotype.Component;

/**
 * Copies every final PromotionDone into the release registry table. It reads the topic in its own
 * consumer group, {@value #GROUP}, one event at a time: the audit table never delays a promotion, and a
 * warehouse outage only delays the copy. {@link #rebuild()} re-reads the topic from its beginning, so
 * the table is rebuilt from the log (rows already there are kept, not duplicated).
 */
@Component
@ConditionalOnBooleanProperty(name = "deltapromotion.promoter.release-registry.enabled", matchIfMissing = true)
public class ReleaseRegistryListener extends AbstractConsumerSeekAware {

  static final String GROUP = "promoter-service-release-registry";
  private static final Logger log = LoggerFactory.getLogger(ReleaseRegistryListener.class);

  private final ReleaseRegistry registry;

  ReleaseRegistryListener(ReleaseRegistry registry) {
    this.registry = registry;
  }

  @KafkaListener(id = "promoter-release-registry", groupId = GROUP, concurrency = "1",
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).PROMOTION_DONE.name()}")
  void onPromotionDone(PromotionDone done) {
    if (done.getAwaiting() != null) {
      return;
    }
    boolean written = registry.record(toRecord(done));
    log.debug("{} outcome {} of {} in {}", written ? "Recorded" : "Already recorded", done.getEnvelope().getEventId(),
        done.getSourceTable(), registry.table());
  }

  /**
   * Starts re-reading the promotion-done topic from its beginning into the table.
   *
   * @return the partitions being re-read; empty when the listener has none assigned right now
   */
  public List<TopicPartition> rebuild() {
    List<TopicPartition> partitions = List.copyOf(getTopicsAndCallbacks().keySet());
    getTopicsAndCallbacks().forEach((partition, callbacks) -> callbacks.forEach(
        (ConsumerSeekCallback callback) -> callback.seekToBeginning(partition.topic(), partition.partition())));
    log.info("Rebuilding {} from {} partition(s) of the promotion-done topic", registry.table(), partitions.size());
    return partitions;
  }

  public TableName table() {
    return registry.table();
  }

  /** Who promoted it: the operator who ordered it, else the one who approved it, else the promoter on its own. */
  private static String promotedBy(PromotionDone done) {
    if (done.getActor() != null) {
      return done.getActor();
    }
    return done.getApprovedBy() != null ? done.getApprovedBy() : done.getEnvelope().getProducer().getService();
  }

  static RegistryRecord toRecord(PromotionDone done) {
    String promotionId = done.getEnvelope().getCorrelationId().toString();
    String qualityReport = done.getQcStatus() == null ? null
        : "{\"qc_status\":\"" + done.getQcStatus() + "\",\"promotion_id\":\"" + promotionId + "\"}";
    return new RegistryRecord(done.getEnvelope().getEventId().toString(), promotionId, done.getReleaseTag(),
        TableName.parse(done.getSourceTable()), done.getSourceVersion(), done.getTargetEnvironment(),
        TableName.parse(done.getTargetTable()), done.getStatus().name(), done.getTargetDeltaVersion(),
        promotedBy(done),
        done.getEnvelope().getOccurredAt(), done.getQcStatus(), qualityReport, done.getError());
  }
}
