package io.deltapromotion.infrastructure.warehouse;

/**
 * What a clone did.
 *
 * @param targetVersion the target's own Delta version after the clone
 * @param versionBefore the target's own version that held its data before the clone (what undoing the
 *     clone restores); null when the clone created the target
 * @param commits how many commits it took: 1, or 2 where open-source Delta had to empty an existing
 *     target first (readers could briefly see it empty)
 */
public record CloneResult(long targetVersion, Long versionBefore, int commits) {}
