package io.deltapromotion.registryservice.domain;

import java.time.Instant;

/**
 * Where one table stands in one stage.
 *
 * @param version the pre-prod version the stage holds; null when it holds none (or none is known)
 * @param since when the stage came to hold it (its clone or rollback); null when only seen held
 * @param latest the newest outcome of any hop into the stage
 * @param waiting what the newest hop into the stage waits for; null when it is over
 */
public record StageHolding(String stage, Long version, Instant since, StageOutcome latest, StageOutcome.Wait waiting) {}
