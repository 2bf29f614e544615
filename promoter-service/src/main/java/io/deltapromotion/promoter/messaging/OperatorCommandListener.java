package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.OperatorDecision;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Carries out each operator command: an approval or rejection, then whatever it releases. */
@Component
class OperatorCommandListener {

  private final LadderDriver ladder;

  OperatorCommandListener(LadderDriver ladder) {
    this.ladder = ladder;
  }

  @KafkaListener(id = "promoter-commands", idIsGroup = false,
      topics = "#{T(io.deltapromotion.schemas.topics.EventTopics).OPERATOR_COMMANDS.name()}")
  void onCommand(OperatorCommand command) {
    ladder.onDecision(decision(command));
  }

  static OperatorDecision decision(OperatorCommand command) {
    if (command.getAction() == CommandAction.UNKNOWN) {
      throw new RejectedEventException("operator command " + command.getEnvelope().getEventId()
          + " has an action this promoter does not know");
    }
    return new OperatorDecision(command.getEnvelope().getEventId().toString(), TableName.parse(command.getTable()),
        command.getVersion(), command.getStage(), command.getAction() == CommandAction.APPROVE, command.getActor(),
        command.getReason(), command.getEnvelope().getOccurredAt());
  }
}
