package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every clone into a stage's table carries, and how a stage's table says what it holds: the lineage
 * properties, written in the clone's own commit.
 */
final class CloneLineage {

  /** The table property that is the table's comment (Spark's catalog property for it). */
  static final String TABLE_COMMENT = "comment";

  private final Warehouse warehouse;
  private final Clock clock;
  private final String promotedBy;
  private final CarriedComments carried;

  CloneLineage(Warehouse warehouse, Clock clock, String promotedBy, CarriedComments carried) {
    this.warehouse = warehouse;
    this.clock = clock;
    this.promotedBy = promotedBy;
    this.carried = carried;
  }

  /**
   * The lineage of the version, and the source's table comment at it: a clone carries the column comments
   * (they are part of the schema) but not the table's own, which the {@value #TABLE_COMMENT} property sets
   * in the same commit. The comment is the one the version's events carried, read from the source only
   * when they carried none.
   */
  Map<String, String> properties(TableName source, long version, String releaseTag, String promotionId) {
    Lineage lineage = new Lineage(source, version, releaseTag, clock.instant(), promotionId);
    Map<String, String> properties = new LinkedHashMap<>(lineage.toProperties(promotedBy));
    carried.of(source, version).map(CarriedComment::comment)
        .orElseGet(() -> warehouse.tableCommentAt(source, version))
        .ifPresent(comment -> properties.put(TABLE_COMMENT, comment));
    return properties;
  }

  /** What the table says it holds; empty when it does not exist or carries no lineage (one statement). */
  Optional<Lineage> of(TableName table) {
    return warehouse.propertiesIfExists(table).flatMap(Lineage::fromProperties);
  }
}
