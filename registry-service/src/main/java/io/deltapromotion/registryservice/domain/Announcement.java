package io.deltapromotion.registryservice.domain;


/**
 * A version of a pre-prod table announced for promotion (a TableChanged).
 *
 * @param version the pre-prod version; null when the source is missing
 * @param category how it was classified against its target (NEW_TABLE, DATA_ONLY, ...)
 * @param schemaFingerprint the fingerprint of its schema; null when unknown
 * @param targetStage the stage it is announced for
 * @param release the release it belongs to; null for none
 */
public record Announcement(LedgerEvent.Header header, Long version, String category, String schemaFingerprint, String targetStage,
    String release) implements LedgerEvent {
}
