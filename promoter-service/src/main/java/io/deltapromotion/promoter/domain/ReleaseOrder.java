package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import java.util.List;
import java.util.Objects;

/**
 * An operator's order to promote several tables into a stage as one unit (a release), or one phase of
 * it ordered to the owner of one of its tables, as the promotion log folds it.
 *
 * @param releaseId the event id of the operator's order: what every outcome of the release names as its cause
 * @param phase null for the operator's order; for a part, the phase ordered
 * @param source the table the entry is about: the order's first table, or the part's table
 * @param releaseTag the release's tag
 * @param items every table version of the order, in the operator's order; for a part, its one table
 */
public record ReleaseOrder(String releaseId, Phase phase, TableName source, String stage, String releaseTag, String actor,
    List<TableVersion> items) implements LogEntry {

  public ReleaseOrder {
    Objects.requireNonNull(releaseId, "releaseId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(releaseTag, "releaseTag");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("release order " + releaseId + " names no table");
    }
    if (phase != null && items.size() != 1) {
      throw new IllegalArgumentException("a part of release order " + releaseId + " names one table, not " + items.size());
    }
    if (!items.get(0).source().equals(source)) {
      throw new IllegalArgumentException("release order " + releaseId + " is keyed by " + source + ", not by its first table "
          + items.get(0).source());
    }
  }

  /** Whether this is one phase ordered to one table, not the operator's order. */
  public boolean isPart() {
    return phase != null;
  }

  public List<TableName> tables() {
    return items.stream().map(TableVersion::source).toList();
  }

  public String subject() {
    return "release " + releaseTag;
  }

  /** The part ordering the phase to the owner of one of the order's tables. */
  public ReleaseOrder part(Phase ordered, TableName table) {
    TableVersion item = items.stream().filter(candidate -> candidate.source().equals(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(table + " is not in release order " + releaseId));
    return new ReleaseOrder(releaseId, ordered, table, stage, releaseTag, actor, List.of(item));
  }
}
