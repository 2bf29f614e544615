package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.CommandItem;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.ReleasePhase;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.CommandRefusedException;
import io.deltapromotion.promoter.domain.OperatorDecision;
import io.deltapromotion.promoter.domain.PromoteCommand;
import io.deltapromotion.promoter.domain.RebaselineCommand;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import io.deltapromotion.promoter.domain.ReleaseOrder;
import io.deltapromotion.promoter.domain.RollbackCommand;
import io.deltapromotion.promoter.domain.TableVersion;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Carries out each operator command: an approval or rejection (then whatever it releases), a promote
 * order, a rollback, or a rebaseline: split into one part per table, each part then carried out by the
 * owner of the table it writes. A promote order naming several tables (a release) is coordinated by the
 * owner of its partition, which orders each phase to the owners of its tables, one part per table.
 */
@Component
class OperatorCommandHandler {

  private final LadderDriver ladder;
  private final ReleaseCoordination releases;
  private final EventEnvelopes envelopes;

  OperatorCommandHandler(LadderDriver ladder, ReleaseCoordination releases, EventEnvelopes envelopes) {
    this.ladder = ladder;
    this.releases = releases;
    this.envelopes = envelopes;
  }

  void onCommand(ConsumerRecord<?, ?> record, OperatorCommand command) {
    try {
      switch (command.getAction()) {
        case APPROVE, REJECT -> ladder.onDecision(record, decision(command));
        case PROMOTE -> {
          if (command.getPartOf() != null) {
            ladder.onReleasePart(record, releasePart(command));
          } else {
            releaseOrder(command).ifPresentOrElse(order -> releases.onRelease(record, order),
                () -> ladder.onPromote(record, promote(command)));
          }
        }
        case ROLLBACK -> ladder.onRollback(record, rollback(command));
        case REBASELINE -> {
          if (command.getPartOf() == null) {
            ladder.onRebaseline(record, rebaseline(command), item -> partOf(command, item));
          } else {
            ladder.onRebaselinePart(record, rebaseline(command));
          }
        }
        case UNKNOWN -> throw new RejectedEventException("operator command " + command.getEnvelope().getEventId()
            + " has an action this promoter does not know");
      }
    } catch (CommandRefusedException refused) {
      throw new RejectedEventException("operator command " + command.getEnvelope().getEventId() + " ("
          + command.getAction() + ") cannot be carried out: " + refused.getMessage());
    }
  }

  static boolean isDecision(OperatorCommand command) {
    return command.getAction() == CommandAction.APPROVE || command.getAction() == CommandAction.REJECT;
  }

  static OperatorDecision decision(OperatorCommand command) {
    return new OperatorDecision(command.getEnvelope().getEventId().toString(), TableName.parse(command.getTable()),
        command.getVersion(), command.getStage(), command.getAction() == CommandAction.APPROVE, command.getActor(),
        command.getReason(), command.getEnvelope().getOccurredAt());
  }

  private static PromoteCommand promote(OperatorCommand command) {
    if (command.getItems().isEmpty()) {
      throw new RejectedEventException("promote command " + command.getEnvelope().getEventId() + " lists no items");
    }
    return new PromoteCommand(command.getEnvelope().getEventId().toString(), command.getActor(), command.getReason(),
        command.getStage(), command.getReleaseTag(), command.getItems().stream()
            .map(item -> new TableVersion(TableName.parse(item.getTable()), item.getVersion())).toList());
  }

  /**
   * An operator's order promoting several tables as one unit (a release), which is split into one part per
   * table and phase (see {@link ReleaseCoordination}); empty for any other command.
   */
  static Optional<ReleaseOrder> releaseOrder(OperatorCommand command) {
    if (command.getAction() != CommandAction.PROMOTE || command.getPartOf() != null || command.getReleaseTag() == null
        || command.getItems().stream().map(CommandItem::getTable).distinct().count() < 2) {
      return Optional.empty();
    }
    List<TableVersion> items = items(command);
    return Optional.of(new ReleaseOrder(command.getEnvelope().getEventId().toString(), null, items.get(0).source(),
        command.getStage(), command.getReleaseTag(), command.getActor(), items));
  }

  /** A phase of a release ordered to one of its tables; empty for any other command. */
  static Optional<ReleaseOrder> releasePartOrNone(OperatorCommand command) {
    return command.getAction() == CommandAction.PROMOTE && command.getPartOf() != null
        ? Optional.of(releasePart(command)) : Optional.empty();
  }

  private static ReleaseOrder releasePart(OperatorCommand command) {
    String id = command.getEnvelope().getEventId().toString();
    if (command.getPhase() == null || command.getPhase() == ReleasePhase.UNKNOWN || command.getReleaseTag() == null
        || command.getItems().size() != 1) {
      throw new RejectedEventException("promote command " + id + " is a part of " + command.getPartOf()
          + " but lacks a phase this promoter knows, its release tag or its one table");
    }
    List<TableVersion> items = items(command);
    return new ReleaseOrder(command.getPartOf(), Phase.valueOf(command.getPhase().name()), items.get(0).source(),
        command.getStage(), command.getReleaseTag(), command.getActor(), items);
  }

  private static List<TableVersion> items(OperatorCommand command) {
    return command.getItems().stream().map(item -> new TableVersion(TableName.parse(item.getTable()), item.getVersion()))
        .toList();
  }

  private static RebaselineCommand rebaseline(OperatorCommand command) {
    if (command.getTargetSchema() == null || command.getReleaseTag() == null || command.getItems().isEmpty()) {
      throw new RejectedEventException("rebaseline command " + command.getEnvelope().getEventId()
          + " lacks its target schema, tag or items");
    }
    if (command.getPartOf() != null && command.getItems().size() != 1) {
      throw new RejectedEventException("rebaseline command " + command.getEnvelope().getEventId() + " is a part of "
          + command.getPartOf() + " but names " + command.getItems().size() + " tables; a part names one");
    }
    String commandId = command.getPartOf() != null ? command.getPartOf() : command.getEnvelope().getEventId().toString();
    return new RebaselineCommand(commandId, command.getActor(), command.getReason(),
        command.getReleaseTag(), SchemaName.parse(command.getTargetSchema()), command.getItems().stream()
            .map(item -> new TableVersion(TableName.parse(item.getTable()), item.getVersion())).toList());
  }

  /**
   * The part of an operator's rebaseline that clones one of its tables: the same order for that table only,
   * caused by the operator's command and naming it.
   */
  private OperatorCommand partOf(OperatorCommand whole, TableVersion item) {
    return OperatorCommand.newBuilder(whole)
        .setEnvelope(envelopes.within(whole.getEnvelope().getCorrelationId(), whole.getEnvelope().getEventId()))
        .setTable(item.source().toString())
        .setVersion(item.version())
        .setItems(List.of(CommandItem.newBuilder().setTable(item.source().toString()).setVersion(item.version()).build()))
        .setPartOf(whole.getEnvelope().getEventId().toString())
        .build();
  }

  private static RollbackCommand rollback(OperatorCommand command) {
    return new RollbackCommand(command.getEnvelope().getEventId().toString(),
        command.getEnvelope().getCorrelationId().toString(), command.getActor(), command.getReason(),
        TableName.parse(command.getTable()), command.getStage(), command.getVersion());
  }
}
