package io.deltapromotion.detector.domain;

import java.time.Instant;

/**
 * A source version (or a missing source) to announce.
 *
 * @param version the source version; null when the source is missing
 * @param schemaFingerprint the source schema's fingerprint; null when the source is missing
 * @param targetPromotedVersion the source version the target holds, or null
 * @param operation the Delta operation of the version; null when the source is missing
 * @param commitTime when the version was committed; null when the source is missing
 */
public record Detection(
    TableMapping mapping,
    ChangeCategory category,
    Long version,
    String schemaFingerprint,
    Long targetPromotedVersion,
    String operation,
    Instant commitTime) {

  public static Detection missingSource(TableMapping mapping) {
    return new Detection(mapping, ChangeCategory.MISSING_SOURCE, null, null, null, null, null);
  }
}
