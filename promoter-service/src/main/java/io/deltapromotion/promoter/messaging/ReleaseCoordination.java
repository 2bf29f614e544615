package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.CommandItem;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.ReleasePhase;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionLostException;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.promoter.domain.PromotionLog;
import io.deltapromotion.promoter.domain.ReleaseCoordinator;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Step;
import io.deltapromotion.promoter.domain.ReleaseOrder;
import io.deltapromotion.promoter.domain.TableVersion;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Coordinates the release orders this instance owns (those written to its partitions of the operators'
 * commands): orders each phase to the owners of the release's tables, one command per table keyed by it
 * ({@link ReleaseCoordinator} says which, from what the log tells). The first phase is ordered in the
 * transaction that consumes the operator's order; the next ones as the tables' owners answer, found on a
 * short schedule, each under the claim of the order's partition, so an instance that lost it orders
 * nothing more, and its new owner goes on from the log. Never PREPARE from the schedule: a release is
 * prepared once, when its order is consumed.
 */
@Component
class ReleaseCoordination {

  private static final Logger log = LoggerFactory.getLogger(ReleaseCoordination.class);

  private final LadderDriver driver;
  private final PromotionLog promotionLog;
  private final PartitionOwnership ownership;
  private final TopicFollower follower;
  private final DecisionClaims claims;
  private final EventPublisher publisher;
  private final EventEnvelopes envelopes;

  ReleaseCoordination(LadderDriver driver, PromotionLog promotionLog, PartitionOwnership ownership, TopicFollower follower,
      DecisionClaims claims, EventPublisher publisher, EventEnvelopes envelopes) {
    this.driver = driver;
    this.promotionLog = promotionLog;
    this.ownership = ownership;
    this.follower = follower;
    this.claims = claims;
    this.publisher = publisher;
    this.envelopes = envelopes;
  }

  /** The operator's release order: PREPARE ordered to every table's owner, with the order's offset. */
  void onRelease(ConsumerRecord<?, ?> record, ReleaseOrder order) {
    driver.decide(ownership.claim(record), List.of(), () -> {
      follower.awaitFolded(record);
      log.info("{} ordered {} into {}: {}; each table is prepared by its owner", order.actor(), order.subject(),
          order.stage(), order.items());
      orderNext(order, true);
    });
  }

  /** Orders the next phase of every running release whose order this instance owns. */
  void coordinate() {
    for (ReleaseOrder order : promotionLog.releasesRunning()) {
      String key = order.source().toString();
      try {
        if (ownership.owns(key)) {
          driver.decide(ownership.claim(key), List.of(), () -> orderNext(order, false));
        }
      } catch (PartitionLostException lost) {
        log.info("{} is no longer coordinated by this instance: {}", order.subject(), lost.getMessage());
      }
    }
  }

  private void orderNext(ReleaseOrder order, boolean consumed) {
    Step step = promotionLog.releaseState(order.releaseId()).map(ReleaseCoordinator::next).orElse(new Step.Over());
    if (!(step instanceof Step.Order next) || (next.phase() == Phase.PREPARE) != consumed) {
      return;
    }
    List<EventPublisher.Outgoing<?>> parts = next.tables().stream()
        .map(table -> order.part(next.phase(), table))
        .<EventPublisher.Outgoing<?>>map(part -> new EventPublisher.Outgoing<>(EventTopics.OPERATOR_COMMANDS,
            part.source().toString(), toEvent(part)))
        .toList();
    follower.awaitReadBack(publisher.publishAll(parts, claims.current()));
    log.info("{}: {} ordered to {}", order.subject(), next.phase(), next.tables());
  }

  /** The command ordering the phase to the owner of the part's table, caused by the operator's order and naming it. */
  private OperatorCommand toEvent(ReleaseOrder part) {
    UUID releaseId = UUID.fromString(part.releaseId());
    TableVersion item = part.items().get(0);
    return OperatorCommand.newBuilder()
        .setEnvelope(envelopes.within(releaseId, releaseId))
        .setAction(CommandAction.PROMOTE)
        .setTable(item.source().toString())
        .setVersion(item.version())
        .setStage(part.stage())
        .setActor(part.actor())
        .setReleaseTag(part.releaseTag())
        .setItems(List.of(CommandItem.newBuilder().setTable(item.source().toString()).setVersion(item.version()).build()))
        .setPartOf(part.releaseId())
        .setPhase(ReleasePhase.valueOf(part.phase().name()))
        .build();
  }
}
