package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Objects;

/**
 * A version its gates let into a stage: what the {@link Promoter} writes. Gates are not the promoter's to
 * check; whatever asks for a write has decided them.
 *
 * @param promotionId the promotion it is part of, named in the target's lineage and its commit
 * @param target the stage's table
 * @param releaseTag the release, or null
 */
public record StageWrite(String promotionId, TableName source, long version, TableName target, String releaseTag) {

  public StageWrite {
    Objects.requireNonNull(promotionId, "promotionId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.equals(target)) {
      throw new IllegalArgumentException("cannot promote " + source + " onto itself");
    }
  }
}
