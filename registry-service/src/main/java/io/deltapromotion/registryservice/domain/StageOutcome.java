package io.deltapromotion.registryservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one hop of a promotion into one stage came to (a PromotionDone): final, or waiting.
 *
 * @param stage the ladder stage (target environment)
 * @param status PROMOTED, SKIPPED, BLOCKED, FAILED or ROLLED_BACK
 * @param version the version it is about; for ROLLED_BACK the version the stage holds after it (null for
 *     none)
 * @param previousVersion the version the stage held before; null when it held none or it is unknown
 * @param waiting what the hop still waits for; null when the outcome is final
 * @param release the release it belongs to; null for none
 * @param actor the operator whose order led to it; null when the promoter decided on its own
 * @param error why it was blocked, failed or rolled back; null otherwise
 */
public record StageOutcome(LedgerEvent.Header header, String stage, String status, Long version, Long previousVersion, Wait waiting,
    String release, String actor, String error) implements LedgerEvent {

  /**
   * What a hop that is not over waits for.
   *
   * @param kind APPROVAL, SOAK, RELEASE or BEHIND_RELEASE
   * @param reason for an approval, why one is needed
   * @param until for a soak, when it ends
   * @param release for a release wait, its tag
   */
  public record Wait(String kind, String reason, Instant until, String release) {

    public Wait {
      Objects.requireNonNull(kind, "kind");
    }
  }

  public StageOutcome {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
  }

  /** Whether it set what the stage holds: a clone or a rollback. */
  public boolean wroteStage() {
    return "PROMOTED".equals(status) || "ROLLED_BACK".equals(status);
  }
}
