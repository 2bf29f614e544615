package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The promoter's one consumer of what it decides on: QC reports and operators' commands, both keyed by
 * source table and partitioned alike, read by one consumer group whose range assignment gives each
 * instance the same partition numbers of both, so each table is owned by one instance at a time (see
 * {@link io.deltapromotion.infrastructure.kafka.PartitionOwnership}). Offsets are committed only in the
 * transactions that publish the decisions' outcomes. An event whose partition was lost while it was
 * decided on is left to the partition's next owner, which reads it again from the last committed offset.
 */
@Component
class LadderInputListener {

  private static final Logger log = LoggerFactory.getLogger(LadderInputListener.class);

  private final QcReportHandler reports;
  private final OperatorCommandHandler commands;

  LadderInputListener(QcReportHandler reports, OperatorCommandHandler commands) {
    this.reports = reports;
    this.commands = commands;
  }

  @KafkaListener(id = "promoter", idIsGroup = false, containerFactory = "ownedTablesContainerFactory",
      concurrency = "${deltapromotion.promoter.parallel-promotions:3}",
      topics = {"#{T(io.deltapromotion.schemas.topics.EventTopics).QC_COMPLETED.name()}",
          "#{T(io.deltapromotion.schemas.topics.EventTopics).OPERATOR_COMMANDS.name()}"})
  void onEvent(ConsumerRecord<String, Object> record) {
    try {
      if (record.value() instanceof QcCompleted report) {
        reports.onQcCompleted(record, report);
      } else if (record.value() instanceof OperatorCommand command) {
        commands.onCommand(record, command);
      } else {
        throw new RejectedEventException(record.topic() + " holds an event the promoter does not act on: "
            + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
      }
    } catch (PartitionLostException lost) {
      log.info("Left {}/{}/{} (key {}) to the partition's next owner: {}", record.topic(), record.partition(),
          record.offset(), record.key(), lost.getMessage());
    }
  }
}
