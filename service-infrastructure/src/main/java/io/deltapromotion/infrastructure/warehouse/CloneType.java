package io.deltapromotion.infrastructure.warehouse;

/** How a clone is made. */
public enum CloneType {
  /** Copies metadata only; the clone references the source's data files. Fast, and the default. */
  SHALLOW,
  /** Copies the data files too. Databricks only: open-source Delta Lake has no DEEP CLONE. */
  DEEP
}
