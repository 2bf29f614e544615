package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * Return a stage's table to a source version it held before.
 *
 * @param toVersion the source version to return to
 * @param targetDeltaVersion the target's own Delta version that held it (what RESTORE returns to); null when unknown
 * @param promotionId the promotion that first brought that version in (the lineage a re-clone writes)
 * @param cloneType how to re-clone when RESTORE cannot be used
 * @param why the reason, for the outcome's message
 */
public record RollbackRequest(TableName source, long toVersion, TableName target, Long targetDeltaVersion,
    String promotionId, String releaseTag, CloneType cloneType, String why) {}
