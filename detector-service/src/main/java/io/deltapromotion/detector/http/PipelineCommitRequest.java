package io.deltapromotion.detector.http;

/**
 * The JSON a pipeline posts after its commit.
 *
 * @param eventId optional; the same id posted twice is the same commit (a UUID is generated when absent)
 * @param table the pre-prod table, schema.table or catalog.schema.table
 * @param version optional; the version the commit created (default: the table's latest)
 * @param releaseTag optional; the release it belongs to (default: the table policy's)
 * @param pipeline the pipeline's name
 * @param runId the run that committed
 */
record PipelineCommitRequest(String eventId, String table, Long version, String releaseTag, String pipeline,
    String runId) {}
