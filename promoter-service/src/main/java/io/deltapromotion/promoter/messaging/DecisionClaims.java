package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.infrastructure.kafka.PartitionOwnership.Claim;
import org.springframework.stereotype.Component;

/**
 * The claim each decision runs under, bound to the thread that runs it for as long as it runs: what
 * the warehouse confirms right before every statement that writes a stage table, so the domain, which knows
 * nothing of Kafka, never writes for a table this instance stopped owning while it decided.
 */
@Component
class DecisionClaims {

  private final ThreadLocal<Claim> current = new ThreadLocal<>();
  private final EventPublisher publisher;

  DecisionClaims(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /** Runs the decision under the claim. */
  void run(Claim claim, Runnable decision) {
    Claim outer = current.get();
    current.set(claim);
    try {
      decision.run();
    } finally {
      current.set(outer);
    }
  }

  /**
   * Proves the claim of the decision running on this thread still holds (a transaction committing its
   * partition's offsets as the group member that owns it).
   *
   * @throws io.deltapromotion.infrastructure.kafka.PartitionLostException when it does not
   * @throws IllegalStateException when no decision runs on this thread: every write is some table's decision
   */
  void confirm() {
    Claim claim = current.get();
    if (claim == null) {
      throw new IllegalStateException("a warehouse write outside any claimed decision");
    }
    claim.confirm(publisher);
  }

  /** The claim of the decision running on this thread. */
  Claim current() {
    Claim claim = current.get();
    if (claim == null) {
      throw new IllegalStateException("no claimed decision runs on this thread");
    }
    return claim;
  }

}
