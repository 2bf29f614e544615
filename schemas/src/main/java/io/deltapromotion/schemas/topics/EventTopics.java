package io.deltapromotion.schemas.topics;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import java.util.List;

/** Every event topic of the system, declared here and nowhere else. */
public final class EventTopics {

  /** Default partition count: one table's events share a partition; tables spread over the rest. */
  public static final int PARTITIONS = 6;

  /** New or changed source table versions, classified against the target. */
  public static final TopicSpec<TableChanged> TABLE_CHANGED = new TopicSpec<>(
      "delta-promotion.table-changed",
      TopicKey.SOURCE_TABLE, TableChanged.class, "detector-service", PARTITIONS, TopicSpec.HISTORY);

  /** Quality reports, one per TableChanged. */
  public static final TopicSpec<QcCompleted> QC_COMPLETED = new TopicSpec<>(
      "delta-promotion.qc-completed",
      TopicKey.SOURCE_TABLE, QcCompleted.class, "qc-service", PARTITIONS, TopicSpec.HISTORY);

  /** Promotion outcomes, one per TableChanged (and one per rollback). */
  public static final TopicSpec<PromotionDone> PROMOTION_DONE = new TopicSpec<>(
      "delta-promotion.promotion-done",
      TopicKey.SOURCE_TABLE, PromotionDone.class, "promoter-service", PARTITIONS, TopicSpec.HISTORY);

  /** What qc-service could not audit (malformed TableChanged, unknown table or version). */
  public static final DeadLetterTopic QC_DEAD_LETTER = DeadLetterTopic.of("qc-service");

  /** What promoter-service could not act on (malformed QcCompleted, hostile table names). */
  public static final DeadLetterTopic PROMOTER_DEAD_LETTER = DeadLetterTopic.of("promoter-service");

  /** What notifier-service could not turn into an alert. */
  public static final DeadLetterTopic NOTIFIER_DEAD_LETTER = DeadLetterTopic.of("notifier-service");

  private static final List<TopicSpec<?>> ALL = List.of(TABLE_CHANGED, QC_COMPLETED, PROMOTION_DONE);

  private EventTopics() {}

  public static List<TopicSpec<?>> all() {
    return ALL;
  }
}
