package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import java.util.List;

/**
 * The newest version of a source table, with the commits that led to it.
 *
 * @param history the table's recent commits, newest first; the first is the version itself
 * @param schemaFingerprint fingerprint of the schema at that version
 */
public record SourceVersion(List<HistoryEntry> history, String schemaFingerprint) {

  public SourceVersion {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("a source version needs at least its own commit");
    }
    history = List.copyOf(history);
  }

  public HistoryEntry commit() {
    return history.get(0);
  }

  public long version() {
    return commit().version();
  }
}
