package io.deltapromotion.infrastructure.warehouse;

import java.util.Objects;
import java.util.Optional;

/**
 * What a table's version says of itself, and never changes for that version: its schema and its comment.
 *
 * @param comment the table comment at the version; empty when it has none
 */
public record VersionMetadata(TableSchema schema, Optional<String> comment) {

  public VersionMetadata {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(comment, "comment");
  }
}
