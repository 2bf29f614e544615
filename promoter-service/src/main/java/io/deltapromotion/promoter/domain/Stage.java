package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import java.util.List;
import java.util.Objects;

/**
 * One stage of the ladder.
 *
 * @param name the environment's name, e.g. {@code prod}; the {@code targetEnvironment} of its promotions
 * @param schemas its schemas; the n-th schema of every stage holds the same tables
 * @param entry the gates of entering it; null for the first stage, where versions are written
 */
public record Stage(String name, List<SchemaName> schemas, Transition entry) {

  public Stage {
    Objects.requireNonNull(name, "name");
    schemas = List.copyOf(schemas);
  }
}
