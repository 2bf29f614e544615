package io.deltapromotion.registry;

import java.time.Instant;

/**
 * What the registry knows about one source table.
 *
 * @param preprodVersion the newest source version announced (null when the source is missing)
 * @param changeCategory how that version was classified
 * @param prodVersion the source version the target holds, as far as the events tell
 * @param qcStatus the last QC verdict, for {@code qcVersion}
 * @param promotionStatus the last promotion status, for {@code promotionVersion}
 * @param lastError why the last promotion was blocked or failed; null otherwise
 * @param updatedAt when the newest event about the table occurred
 */
public record RegistryEntry(
    String sourceTable,
    String targetTable,
    String targetEnvironment,
    Long preprodVersion,
    String changeCategory,
    Long prodVersion,
    String qcStatus,
    Long qcVersion,
    String promotionStatus,
    Long promotionVersion,
    String releaseTag,
    String lastError,
    Instant updatedAt) {

  RegistryEntry withAnnouncement(String target, String environment, Long version, String category, String tag, Instant at) {
    return new RegistryEntry(sourceTable, target, environment, version, category, prodVersion, qcStatus, qcVersion,
        promotionStatus, promotionVersion, tag == null ? releaseTag : tag, lastError, latest(at));
  }

  RegistryEntry withQc(String status, Long version, Instant at) {
    return new RegistryEntry(sourceTable, targetTable, targetEnvironment, preprodVersion, changeCategory, prodVersion,
        status, version, promotionStatus, promotionVersion, releaseTag, lastError, latest(at));
  }

  RegistryEntry withPromotion(String status, Long version, Long heldInProd, String error, Instant at) {
    return new RegistryEntry(sourceTable, targetTable, targetEnvironment, preprodVersion, changeCategory, heldInProd,
        qcStatus, qcVersion, status, version, releaseTag, error, latest(at));
  }

  static RegistryEntry empty(String sourceTable) {
    return new RegistryEntry(sourceTable, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private Instant latest(Instant at) {
    return updatedAt == null || (at != null && at.isAfter(updatedAt)) ? at : updatedAt;
  }
}
