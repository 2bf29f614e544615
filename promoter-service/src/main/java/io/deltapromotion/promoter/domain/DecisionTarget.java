package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * What an approval or rejection is about, resolved against the ladder.
 *
 * @param promotionId the promotion of the hop that waits; null when deciding in advance
 * @param waiting the hop's wait, or null when deciding in advance
 */
public record DecisionTarget(TableName source, long version, String stage, String promotionId, String waiting) {}
