package io.deltapromotion.schemas.topics;

import io.deltapromotion.events.AlertSent;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import java.util.List;
import java.util.Optional;

/** Every event topic of the system, declared here and nowhere else. */
public final class EventTopics {

  /** Default partition count: one table's events share a partition; tables spread over the rest. */
  public static final int PARTITIONS = 6;

  /**
   * Versions upstream pipelines committed and want promoted: written by the pipelines themselves (or
   * through detector-service's HTTP intake), read only by detector-service.
   */
  public static final TopicSpec<PipelineCommitted> PIPELINE_COMMITTED = new TopicSpec<>(
      "delta-promotion.pipeline-committed",
      TopicKey.SOURCE_TABLE, PipelineCommitted.class, "upstream-pipelines", PARTITIONS, TopicSpec.HISTORY);

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

  /**
   * Operators' decisions (approvals, rejections), as promoter-service's command intake accepted them:
   * written only by promoter-service; read by it and, for history and the live stream, by registry-service.
   */
  public static final TopicSpec<OperatorCommand> OPERATOR_COMMANDS = new TopicSpec<>(
      "delta-promotion.operator-commands",
      TopicKey.SOURCE_TABLE, OperatorCommand.class, "promoter-service", PARTITIONS, TopicSpec.HISTORY);

  /**
   * The alerts notifier-service delivered, one per alert and channel: what people were told, and what
   * the notifier replays at start-up so that it tells nobody twice. Written and read only by notifier-service.
   */
  public static final TopicSpec<AlertSent> ALERTS_SENT = new TopicSpec<>(
      "delta-promotion.alerts-sent",
      TopicKey.ALERT, AlertSent.class, "notifier-service", PARTITIONS, TopicSpec.HISTORY);

  /** What detector-service could not act on (malformed pipeline events, unwatched or unknown tables and versions). */
  public static final DeadLetterTopic DETECTOR_DEAD_LETTER = DeadLetterTopic.of("detector-service");

  /** What qc-service could not audit (malformed TableChanged, unknown table or version). */
  public static final DeadLetterTopic QC_DEAD_LETTER = DeadLetterTopic.of("qc-service");

  /** What promoter-service could not act on (malformed QcCompleted, hostile table names). */
  public static final DeadLetterTopic PROMOTER_DEAD_LETTER = DeadLetterTopic.of("promoter-service");

  /** What notifier-service could not turn into an alert. */
  public static final DeadLetterTopic NOTIFIER_DEAD_LETTER = DeadLetterTopic.of("notifier-service");

  private static final List<DeadLetterTopic> DEAD_LETTERS = List.of(DETECTOR_DEAD_LETTER, QC_DEAD_LETTER,
      PROMOTER_DEAD_LETTER, NOTIFIER_DEAD_LETTER);

  private static final List<TopicSpec<?>> ALL = List.of(PIPELINE_COMMITTED, TABLE_CHANGED, QC_COMPLETED, PROMOTION_DONE,
      OPERATOR_COMMANDS, ALERTS_SENT);

  private EventTopics() {}

  public static List<TopicSpec<?>> all() {
    return ALL;
  }

  /** The event class a topic of this system carries; empty for any other topic. */
  public static Optional<Class<?>> valueTypeOf(String topic) {
    return ALL.stream().filter(spec -> spec.name().equals(topic)).findFirst()
        .map(spec -> (Class<?>) spec.valueType());
  }

  /** Every service's dead-letter topic. */
  public static List<DeadLetterTopic> deadLetters() {
    return DEAD_LETTERS;
  }

  /** The names of every service's dead-letter topic (for listener annotations). */
  public static String[] deadLetterTopicNames() {
    return DEAD_LETTERS.stream().map(DeadLetterTopic::name).toArray(String[]::new);
  }

  /** The topics the registry is folded from: one event per step of every promotion. */
  public static List<TopicSpec<?>> promotionLog() {
    return List.of(TABLE_CHANGED, QC_COMPLETED, PROMOTION_DONE);
  }
}
