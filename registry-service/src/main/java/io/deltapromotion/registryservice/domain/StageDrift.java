package io.deltapromotion.registryservice.domain;

/**
 * How far one stage is behind pre-prod for one table.
 *
 * @param stageVersion the version the stage holds; null when none
 * @param preprodVersion the newest version announced; null when none or its source is missing
 * @param versionsBehind pre-prod's version minus the stage's (Delta versions, not promotions); null when
 *     either is unknown
 * @param schemaDiffers whether the newest version's schema fingerprint differs from the stage's version's;
 *     null when either fingerprint is unknown
 * @param category how the newest version was classified
 */
public record StageDrift(String table, String stage, Long stageVersion, Long preprodVersion, Long versionsBehind,
    Boolean schemaDiffers, String category) {}
