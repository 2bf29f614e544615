package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Optional;

/** Where the promoter finds the comment a source version's events carried; empty when they carried none. */
@FunctionalInterface
public interface CarriedComments {

  /** Nothing carried: every comment is read from the source version. */
  CarriedComments NONE = (source, version) -> Optional.empty();

  Optional<CarriedComment> of(TableName source, long version);
}
