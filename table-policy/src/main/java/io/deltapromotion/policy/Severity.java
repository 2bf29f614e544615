package io.deltapromotion.policy;

/** What a failed custom check does to the verdict. */
public enum Severity {
  /** The version may still be promoted; people are told. */
  WARN,
  /** The version is not promoted. */
  FAIL
}
