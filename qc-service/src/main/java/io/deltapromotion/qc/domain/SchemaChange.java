package io.deltapromotion.qc.domain;

/**
 * One difference between the schema the target holds and the candidate's.
 *
 * @param column the column concerned (for a rename, the new name)
 * @param before the column's old name, type or nullability, as text; null for an added column
 * @param after the new one; null for a dropped column
 */
public record SchemaChange(Kind kind, String column, String before, String after) {

  /** The kinds of difference; each is either additive (readers keep working) or breaking. */
  public enum Kind {
    ADDED_NULLABLE_COLUMN(false),
    ADDED_NON_NULL_COLUMN(true),
    DROPPED_COLUMN(true),
    RENAMED_COLUMN(true),
    TYPE_WIDENED(false),
    TYPE_CHANGED(true),
    NULLABILITY_RELAXED(false),
    NULLABILITY_TIGHTENED(true),
    COLUMNS_REORDERED(true);

    private final boolean breaking;

    Kind(boolean breaking) {
      this.breaking = breaking;
    }

    public boolean breaking() {
      return breaking;
    }
  }

  public boolean breaking() {
    return kind.breaking();
  }

  /** A short phrase, e.g. {@code dropped column email} or {@code amount: int -> bigint (widened)}. */
  public String describe() {
    return switch (kind) {
      case ADDED_NULLABLE_COLUMN -> "added nullable column " + column + " " + after;
      case ADDED_NON_NULL_COLUMN -> "added NOT NULL column " + column + " " + after;
      case DROPPED_COLUMN -> "dropped column " + column;
      case RENAMED_COLUMN -> "renamed column " + before + " to " + column;
      case TYPE_WIDENED -> column + ": " + before + " -> " + after + " (widened)";
      case TYPE_CHANGED -> column + ": " + before + " -> " + after;
      case NULLABILITY_RELAXED -> column + " now accepts nulls";
      case NULLABILITY_TIGHTENED -> column + " no longer accepts nulls";
      case COLUMNS_REORDERED -> "columns reordered: " + before + " -> " + after;
    };
  }
}
