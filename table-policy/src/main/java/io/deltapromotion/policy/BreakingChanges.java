package io.deltapromotion.policy;

/**
 * What happens to a schema change that can break readers (a dropped, renamed or narrowed column, a type
 * change other than widening, a nullability tightened, a new non-null column, a reorder). Additive
 * changes (a new nullable column, a type widened) are always allowed.
 */
public enum BreakingChanges {
  /** QC fails: the version is never promoted. */
  NEVER,
  /** QC says the version requires approval: the promoter waits for one. */
  APPROVAL
}
