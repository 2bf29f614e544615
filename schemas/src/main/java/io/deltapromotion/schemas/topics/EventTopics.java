package io.deltapromotion.schemas.topics;

import static io.deltapromotion.schemas.topics.Principal.DETECTOR;
import static io.deltapromotion.schemas.topics.Principal.NOTIFIER;
import static io.deltapromotion.schemas.topics.Principal.OPERATOR_TOOLS;
import static io.deltapromotion.schemas.topics.Principal.PROMOTER;
import static io.deltapromotion.schemas.topics.Principal.QC;
import static io.deltapromotion.schemas.topics.Principal.REGISTRY;
import static io.deltapromotion.schemas.topics.Principal.UPSTREAM_PIPELINES;

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
   * Versions upstream pipelines committed and want promoted: written by the pipelines themselves, by
   * detector-service (its HTTP intake, and handing a record keyed wrongly on to its table's partition) and by
   * promoter-service (a rebaseline announces the version it wrote); consumed only by detector-service.
   */
  public static final TopicSpec<PipelineCommitted> PIPELINE_COMMITTED = new TopicSpec<>(
      "delta-promotion.pipeline-committed",
      TopicKey.SOURCE_TABLE, PipelineCommitted.class,
      TopicAccess.ownedBy(UPSTREAM_PIPELINES).alsoWrittenBy(DETECTOR, PROMOTER).readBy(DETECTOR, OPERATOR_TOOLS),
      PARTITIONS, TopicSpec.HISTORY);

  /** New or changed source table versions, classified against the target. */
  public static final TopicSpec<TableChanged> TABLE_CHANGED = new TopicSpec<>(
      "delta-promotion.table-changed",
      TopicKey.SOURCE_TABLE, TableChanged.class,
      TopicAccess.ownedBy(DETECTOR).readBy(DETECTOR, QC, REGISTRY, OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /** Quality reports, one per TableChanged. */
  public static final TopicSpec<QcCompleted> QC_COMPLETED = new TopicSpec<>(
      "delta-promotion.qc-completed",
      TopicKey.SOURCE_TABLE, QcCompleted.class,
      TopicAccess.ownedBy(QC).readBy(QC, PROMOTER, NOTIFIER, REGISTRY, OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /** Promotion outcomes, one per TableChanged (and one per rollback). */
  public static final TopicSpec<PromotionDone> PROMOTION_DONE = new TopicSpec<>(
      "delta-promotion.promotion-done",
      TopicKey.SOURCE_TABLE, PromotionDone.class,
      TopicAccess.ownedBy(PROMOTER).readBy(DETECTOR, QC, PROMOTER, NOTIFIER, REGISTRY, OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /**
   * Operators' decisions (approvals, rejections), as promoter-service's command intake accepted them:
   * written only by promoter-service; read by it and, for history and the live stream, by registry-service.
   */
  public static final TopicSpec<OperatorCommand> OPERATOR_COMMANDS = new TopicSpec<>(
      "delta-promotion.operator-commands",
      TopicKey.SOURCE_TABLE, OperatorCommand.class,
      TopicAccess.ownedBy(PROMOTER).readBy(PROMOTER, REGISTRY, OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /**
   * The alerts notifier-service delivered, one per alert and channel: what people were told, and what
   * the notifier replays at start-up so that it tells nobody twice. Written and read only by notifier-service.
   */
  public static final TopicSpec<AlertSent> ALERTS_SENT = new TopicSpec<>(
      "delta-promotion.alerts-sent",
      TopicKey.ALERT, AlertSent.class,
      TopicAccess.ownedBy(NOTIFIER).readBy(NOTIFIER, OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /**
   * Promotion runs as OpenLineage RunEvents (JSON, one per run, keyed by the stage table written), for
   * lineage consumers that read Kafka; written only by notifier-service when its lineage goes to Kafka.
   */
  public static final JsonTopic LINEAGE = new JsonTopic("delta-promotion.lineage",
      "OpenLineage RunEvent (https://openlineage.io/spec/2-0-2/OpenLineage.json)",
      TopicAccess.ownedBy(NOTIFIER).readBy(OPERATOR_TOOLS), PARTITIONS, TopicSpec.HISTORY);

  /**
   * What detector-service could not act on (malformed pipeline events, unwatched or unknown tables and
   * versions); the detector reads it too, for the tables it reported skipped.
   */
  public static final DeadLetterTopic DETECTOR_DEAD_LETTER = DeadLetterTopic.of(DETECTOR).alsoReadBy(DETECTOR);

  /** What qc-service could not audit (malformed TableChanged, unknown table or version). */
  public static final DeadLetterTopic QC_DEAD_LETTER = DeadLetterTopic.of(QC);

  /** What promoter-service could not act on (malformed QcCompleted, hostile table names). */
  public static final DeadLetterTopic PROMOTER_DEAD_LETTER = DeadLetterTopic.of(PROMOTER);

  /** What notifier-service could not turn into an alert. */
  public static final DeadLetterTopic NOTIFIER_DEAD_LETTER = DeadLetterTopic.of(NOTIFIER);

  private static final List<DeadLetterTopic> DEAD_LETTERS = List.of(DETECTOR_DEAD_LETTER, QC_DEAD_LETTER,
      PROMOTER_DEAD_LETTER, NOTIFIER_DEAD_LETTER);

  private static final List<TopicSpec<?>> ALL = List.of(PIPELINE_COMMITTED, TABLE_CHANGED, QC_COMPLETED, PROMOTION_DONE,
      OPERATOR_COMMANDS, ALERTS_SENT);

  private EventTopics() {}

  public static List<TopicSpec<?>> all() {
    return ALL;
  }

  /** The topics of JSON documents for consumers outside the system. */
  public static List<JsonTopic> jsonTopics() {
    return List.of(LINEAGE);
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
