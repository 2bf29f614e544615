package io.deltapromotion.detector.domain;

/** How a source version differs from what the target holds (the TableChanged categories). */
public enum ChangeCategory {
  NEW_TABLE,
  DATA_ONLY,
  SCHEMA_CHANGE,
  NO_CHANGE,
  MISSING_SOURCE
}
