package io.deltapromotion.registryservice.domain;

import java.util.List;

/** A release: its tables (any event of theirs names it) and where each stands. */
public record ReleaseView(String release, List<TableSummary> tables) {

  public ReleaseView {
    tables = List.copyOf(tables);
  }
}
