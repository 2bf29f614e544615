package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source version (or a missing source) to announce.
 *
 * @param version the source version; null when the source is missing
 * @param schemaFingerprint the source schema's fingerprint; null when the source is missing
 * @param targetPromotedVersion the source version the target holds, or null
 * @param operation the Delta operation of the version; null when the source is missing
 * @param commitTime when the version was committed; null when the source is missing
 * @param keyColumns the table's key columns, from the table policy
 * @param releaseTag the release the version belongs to (the pipeline's, else the policy's), or null
 * @param pipelineRun for a pipeline's announcement: pipeline/runId#eventId; null for the poll
 * @param sourceComment the source table's comment at the version, read with its schema; empty when it has
 *     none or the source is missing
 */
public record Detection(
    TableMapping mapping,
    ChangeCategory category,
    Long version,
    String schemaFingerprint,
    Long targetPromotedVersion,
    String operation,
    Instant commitTime,
    List<Identifier> keyColumns,
    String releaseTag,
    String pipelineRun,
    Optional<String> sourceComment) {

  public Detection {
    keyColumns = List.copyOf(keyColumns);
    Objects.requireNonNull(sourceComment, "sourceComment");
  }

  public static Detection missingSource(TableMapping mapping, List<Identifier> keyColumns, String releaseTag) {
    return new Detection(mapping, ChangeCategory.MISSING_SOURCE, null, null, null, null, null, keyColumns, releaseTag, null,
        Optional.empty());
  }

  /** Whether a pipeline announced it (rather than the poll). */
  public boolean fromPipeline() {
    return pipelineRun != null;
  }
}
