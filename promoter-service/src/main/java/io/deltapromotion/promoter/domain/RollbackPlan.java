package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * What a rollback would do.
 *
 * @param fromVersion the source version the stage's table holds now
 * @param to the version it returns to, as the stage held it (with the target's own Delta version then)
 */
public record RollbackPlan(TableName source, String stage, TableName target, long fromVersion, PromotionLog.Held to) {

  public long toVersion() {
    return to.version();
  }

  /** How it would be done, in words. */
  public String method() {
    return to.targetDeltaVersion() == null
        ? "re-clone version " + to.version() + " of " + source
        : "RESTORE " + target + " to its version " + to.targetDeltaVersion() + " (one commit; a re-clone of version "
            + to.version() + " of " + source + " if that version of " + target + " is gone)";
  }
}
