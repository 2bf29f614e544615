package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import java.util.List;

/**
 * An operator's order to rebaseline: every table of a baseline schema, at its pinned version, cloned
 * into a schema of the ladder's first stage.
 *
 * @param commandId the command event's id (the correlation and cause of every outcome it leads to)
 * @param tag the baseline's release tag, e.g. BASELINE_202611
 * @param into the first-stage schema written
 * @param items the baseline tables and their pinned versions, in the order they are cloned
 */
public record RebaselineCommand(String commandId, String actor, String reason, String tag, SchemaName into,
    List<TableVersion> items) {

  public RebaselineCommand {
    items = List.copyOf(items);
  }
}
