package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;

/**
 * A PromotionDone as the promoter folds it into its {@link PromotionLog}.
 *
 * @param eventId the PromotionDone's event id
 * @param promotionId its correlation id, shared by every hop of one version up the ladder
 * @param causeEventId the event that caused it (a report, an earlier hop, an operator's command); may be null
 * @param source the table in the ladder's first stage
 * @param version the source version; for ROLLED_BACK, the version the stage holds after the rollback
 * @param stage the stage the hop was into
 * @param status how the hop ended
 * @param targetDeltaVersion the stage table's own Delta version after the hop wrote it; null when it did not
 * @param waitingFor what a BLOCKED hop waits for; null when the outcome is final
 * @param releaseTag the release, or null
 * @param occurredAt when it was decided
 * @param ordered whether an operator's order led to it (the PromotionDone names an actor)
 */
public record RecordedOutcome(String eventId, String promotionId, String causeEventId, TableName source, Long version,
    String stage, PromotionStatus status, Long targetDeltaVersion, Wait waitingFor, String releaseTag, Instant occurredAt,
    boolean ordered) implements LogEntry {

  /** An outcome the promoter decided on its own. */
  public RecordedOutcome(String eventId, String promotionId, String causeEventId, TableName source, Long version,
      String stage, PromotionStatus status, Long targetDeltaVersion, Wait waitingFor, String releaseTag, Instant occurredAt) {
    this(eventId, promotionId, causeEventId, source, version, stage, status, targetDeltaVersion, waitingFor, releaseTag,
        occurredAt, false);
  }

  /** Whether the hop is over: anything but a BLOCKED that waits for something. */
  public boolean isFinal() {
    return waitingFor == null;
  }
}
