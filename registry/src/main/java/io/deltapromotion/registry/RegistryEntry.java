package io.deltapromotion.registry;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the registry knows about one source table.
 *
 * @param preprodVersion the newest source version announced (null when the source is missing)
 * @param changeCategory how that version was classified
 * @param stageVersions the source version each ladder stage's table holds (by stage name), as far as the
 *     events tell
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
    Map<String, Long> stageVersions,
    String qcStatus,
    Long qcVersion,
    String promotionStatus,
    Long promotionVersion,
    String releaseTag,
    String lastError,
    Instant updatedAt) {

  public RegistryEntry {
    stageVersions = Map.copyOf(stageVersions);
  }

  /**
   * The source version the target (the stage the detector announces for, whose version QC compares
   * with) holds; before any announcement, the version of the only stage known.
   */
  public Long prodVersion() {
    if (targetEnvironment != null) {
      return stageVersions.get(targetEnvironment);
    }
    return stageVersions.size() == 1 ? stageVersions.values().iterator().next() : null;
  }

  /** Each stage's version, e.g. {@code prod=12 staging=13}, by stage name. */
  public String stages() {
    return stageVersions.isEmpty() ? null : new TreeMap<>(stageVersions).entrySet().stream()
        .map(stage -> stage.getKey() + "=" + stage.getValue()).collect(Collectors.joining(" "));
  }

  RegistryEntry withAnnouncement(String target, String environment, Long version, String category, String tag, Instant at) {
    return new RegistryEntry(sourceTable, target, environment, version, category, stageVersions, qcStatus, qcVersion,
        promotionStatus, promotionVersion, tag == null ? releaseTag : tag, lastError, latest(at));
  }

  RegistryEntry withTarget(String target, String environment) {
    return new RegistryEntry(sourceTable, target, environment, preprodVersion, changeCategory, stageVersions, qcStatus,
        qcVersion, promotionStatus, promotionVersion, releaseTag, lastError, updatedAt);
  }

  RegistryEntry withQc(String status, Long version, Instant at) {
    return new RegistryEntry(sourceTable, targetTable, targetEnvironment, preprodVersion, changeCategory, stageVersions,
        status, version, promotionStatus, promotionVersion, releaseTag, lastError, latest(at));
  }

  RegistryEntry withPromotion(String status, Long version, Map<String, Long> stages, String error, Instant at) {
    return new RegistryEntry(sourceTable, targetTable, targetEnvironment, preprodVersion, changeCategory, stages,
        qcStatus, qcVersion, status, version, releaseTag, error, latest(at));
  }

  static RegistryEntry empty(String sourceTable) {
    return new RegistryEntry(sourceTable, null, null, null, null, Map.of(), null, null, null, null, null, null, null);
  }

  private Instant latest(Instant at) {
    return updatedAt == null || (at != null && at.isAfter(updatedAt)) ? at : updatedAt;
  }
}
