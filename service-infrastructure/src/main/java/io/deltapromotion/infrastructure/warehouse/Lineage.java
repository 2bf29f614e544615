package io.deltapromotion.infrastructure.warehouse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lineage a promotion writes into the target's TBLPROPERTIES, in the same statement as the clone:
 * where the data came from, which version, for which release, when, and by which promotion. The
 * detector reads it back to know what the target holds.
 *
 * @param promotedFrom the source table
 * @param promotedVersion the source version the target is a clone of
 * @param releaseTag the release, or null
 * @param promotedAt when the promotion ran
 * @param promotionId the promotion's id (the correlation id of its events)
 */
public record Lineage(TableName promotedFrom, long promotedVersion, String releaseTag, Instant promotedAt, String promotionId) {

  public static final String PROMOTED_FROM = "promoted_from";
  public static final String PROMOTED_VERSION = "promoted_version";
  public static final String RELEASE_TAG = "release_tag";
  public static final String PROMOTED_AT = "promoted_at";
  public static final String PROMOTION_ID = "promotion_id";
  public static final String PROMOTED_BY = "promoted_by";

  /** The properties to write with the clone (release_tag only when there is one). */
  public Map<String, String> toProperties(String promotedBy) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(PROMOTED_FROM, promotedFrom.toString());
    properties.put(PROMOTED_VERSION, Long.toString(promotedVersion));
    if (releaseTag != null) {
      properties.put(RELEASE_TAG, releaseTag);
    }
    properties.put(PROMOTED_AT, promotedAt.toString());
    properties.put(PROMOTION_ID, promotionId);
    properties.put(PROMOTED_BY, promotedBy);
    return properties;
  }

  /**
   * The lineage in a table's properties; empty when the table was never promoted or its lineage is
   * unreadable (someone edited it by hand), in which case the table is treated as holding no known version.
   */
  public static Optional<Lineage> fromProperties(Map<String, String> properties) {
    String from = properties.get(PROMOTED_FROM);
    String version = properties.get(PROMOTED_VERSION);
    if (from == null || version == null) {
      return Optional.empty();
    }
    try {
      String at = properties.get(PROMOTED_AT);
      return Optional.of(new Lineage(TableName.parse(from), Long.parseLong(version.strip()), properties.get(RELEASE_TAG),
          at == null ? null : Instant.parse(at), properties.get(PROMOTION_ID)));
    } catch (InvalidIdentifierException | NumberFormatException | DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  /** This lineage says the table is a clone of exactly that source version. */
  public boolean holds(TableName source, long version) {
    return promotedFrom.equals(source) && promotedVersion == version;
  }
}
