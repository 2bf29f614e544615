package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * A decided step of one version into one stage, to be published as a PromotionDone.
 *
 * @param promotionId the promotion (correlation) id
 * @param causeEventId the outcome that led to it; null when the QC report being handled did
 * @param source the table in the ladder's first stage
 * @param target the stage's table
 * @param stage the stage's name
 * @param outcome what happened
 * @param waitingFor what the hop waits for (outcome BLOCKED, not final); null when final
 * @param cloneType how the target was written; null when it was not
 */
public record Hop(String promotionId, String causeEventId, TableName source, Long version, TableName target, String stage,
    String releaseTag, PromotionOutcome outcome, Wait waitingFor, CloneType cloneType) {}
