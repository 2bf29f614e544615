package io.deltapromotion.infrastructure.warehouse;

import java.util.Objects;

/**
 * What a clone did.
 *
 * @param newest the target's newest commit, read right after the clone: the clone's own, unless someone
 *     wrote the table in between (what a caller verifies the clone by, without reading it again)
 * @param versionBefore the target's own version that held its data before the clone (what undoing the
 *     clone restores); null when the clone created the target
 * @param commits how many commits it took: 1, or 2 where open-source Delta had to empty an existing
 *     target first (readers could briefly see it empty)
 */
public record CloneResult(HistoryEntry newest, Long versionBefore, int commits) {

  public CloneResult {
    Objects.requireNonNull(newest, "newest");
  }

  /** The target's own Delta version after the clone. */
  public long targetVersion() {
    return newest.version();
  }
}
