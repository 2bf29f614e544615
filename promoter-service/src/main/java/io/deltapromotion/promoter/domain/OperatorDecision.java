package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;

/**
 * A person's decision about one version entering one stage.
 *
 * @param commandId the id of the command that carried it
 * @param source the table in the ladder's first stage
 * @param approved true to let it in (its other gates still apply), false to refuse it
 * @param actor who decided
 * @param reason why, or null
 */
public record OperatorDecision(String commandId, TableName source, long version, String stage, boolean approved,
    String actor, String reason, Instant decidedAt) implements LogEntry {

  String describe() {
    return (approved ? "approved" : "rejected") + " by " + actor + (reason == null ? "" : " (" + reason + ")");
  }
}
