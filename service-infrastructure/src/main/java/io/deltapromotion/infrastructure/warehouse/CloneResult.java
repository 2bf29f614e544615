package io.deltapromotion.infrastructure.warehouse;

/**
 * What a clone did.
 *
 * @param targetVersion the target's own Delta version after the clone
 * @param commits how many commits it took: 1, or 2 where open-source Delta had to empty an existing
 *     target first (readers could briefly see it empty)
 */
public record CloneResult(long targetVersion, int commits) {}
