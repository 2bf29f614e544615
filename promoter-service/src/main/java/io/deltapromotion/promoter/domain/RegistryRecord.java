package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;

/**
 * One promotion outcome as the release registry table keeps it.
 *
 * @param eventId the PromotionDone's id: one row per outcome
 * @param version the source version (for ROLLED_BACK, the one the stage holds afterwards); may be null
 * @param promotedBy the operator whose command led to it, or the promoter itself
 * @param qualityStatus the version's QC status (PASS, WARN, FAIL), or null
 * @param qualityReport a short JSON pointing at the QC report, or null
 * @param notes why it was BLOCKED, FAILED, SKIPPED or ROLLED_BACK; null when PROMOTED
 */
public record RegistryRecord(String eventId, String promotionId, String releaseTag, TableName source, Long version,
    String stage, TableName target, String status, Long targetDeltaVersion, String promotedBy, Instant promotedAt,
    String qualityStatus, String qualityReport, String notes) {}
