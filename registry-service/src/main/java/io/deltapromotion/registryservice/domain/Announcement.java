package io.deltapromotion.registryservice.domain;

import java.time.Instant;

/**
 * A version of a pre-prod table announced for promotion (a TableChanged).
 *
 * @param version the pre-prod version; null when the source is missing
 * @param category how it was classified against its target (NEW_TABLE, DATA_ONLY, ...)
 * @param schemaFingerprint the fingerprint of its schema; null when unknown
 * @param targetTable the table it would be promoted to; null when unknown
 * @param targetStage the stage it is announced for
 * @param release the release it belongs to; null for none
 * @param committedAt when the version was committed in pre-prod, where lead times start; null when unknown
 */
public record Announcement(LedgerEvent.Header header, Long version, String category, String schemaFingerprint, String targetTable, String targetStage,
    String release, Instant committedAt) implements LedgerEvent {
}
