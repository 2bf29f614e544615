package io.deltapromotion.detector.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An upstream pipeline's word that it committed a version of a table. Everything in it is untrusted
 * input: the constructor accepts only a parsed table name and ids and tags of a strict grammar.
 *
 * @param version the version the pipeline committed; null for the table's latest
 * @param releaseTag the release it belongs to; null to use the table policy's
 */
public record PipelineCommit(String eventId, TableName table, Long version, String releaseTag, String pipeline,
    String runId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");
  private static final Pattern RELEASE_TAG = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:/\\-]{1,200}");

  public PipelineCommit {
    require(eventId, ID, "eventId", "1-128 letters, digits, '_', '.', ':' or '-'");
    Objects.requireNonNull(table, "table");
    if (version != null && version < 0) {
      throw new IllegalArgumentException("version must be 0 or more, got " + version);
    }
    if (releaseTag != null) {
      require(releaseTag, RELEASE_TAG, "releaseTag", "1-128 letters, digits, '_', '.' or '-'");
    }
    require(pipeline, NAME, "pipeline", "1-200 letters, digits, '_', '.', ':', '/' or '-'");
    require(runId, NAME, "runId", "1-200 letters, digits, '_', '.', ':', '/' or '-'");
  }

  /** pipeline/runId#eventId, as TableChanged carries it. */
  public String describe() {
    return pipeline + "/" + runId + "#" + eventId;
  }

  private static void require(String value, Pattern grammar, String field, String expected) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!grammar.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be " + expected);
    }
  }
}
