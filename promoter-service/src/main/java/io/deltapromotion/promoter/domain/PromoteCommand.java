package io.deltapromotion.promoter.domain;

import java.util.List;

/**
 * An operator's order to move table versions into a stage now, as one unit.
 *
 * @param commandId the command event's id (the cause of every outcome it leads to)
 * @param releaseTag the release, when the order is for one; null for a single table
 * @param items the table versions, in the order they are cloned
 */
public record PromoteCommand(String commandId, String actor, String reason, String stage, String releaseTag,
    List<TableVersion> items) {

  public PromoteCommand {
    items = List.copyOf(items);
  }

  String subject() {
    return releaseTag == null ? "the promotion" : "release " + releaseTag;
  }
}
