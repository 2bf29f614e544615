package io.deltapromotion.registryservice.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A hop that waits for a person to approve a version into a stage.
 *
 * @param since when it started waiting for the approval
 * @param waited how long it had waited at the moment asked about
 * @param reason why an approval is needed
 */
public record PendingApproval(String table, String stage, Long version, String promotionId, String release,
    String reason, Instant since, Duration waited) {}
