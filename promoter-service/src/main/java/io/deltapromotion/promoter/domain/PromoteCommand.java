package io.deltapromotion.promoter.domain;

import java.util.List;

/**
 * An operator's order to move table versions into a stage now: one table, carried out by its owner, or
 * several (a release), split per table.
 *
 * @param commandId the command event's id (the cause of every outcome it leads to)
 * @param releaseTag the release, when the order is for one; null for a single table
 * @param items the table versions
 */
public record PromoteCommand(String commandId, String actor, String reason, String stage, String releaseTag,
    List<TableVersion> items) {

  public PromoteCommand {
    items = List.copyOf(items);
  }

  String subject() {
    return releaseTag == null ? "the promotion" : "release " + releaseTag;
  }

  /**
   * The order's one table version.
   *
   * @throws CommandRefusedException when it names several tables: a release, carried out by {@link ReleaseParts}
   */
  TableVersion item() {
    if (items.size() != 1) {
      throw new CommandRefusedException("an order naming " + items.size() + " tables is a release: each is carried out "
          + "by its table's owner", true);
    }
    return items.get(0);
  }
}
