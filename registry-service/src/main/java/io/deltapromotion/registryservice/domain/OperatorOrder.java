package io.deltapromotion.registryservice.domain;

/**
 * An operator's command as promoter-service's intake accepted it (an OperatorCommand): who asked what
 * of which stage. Accepted is not done: the hop's outcome says what came of it.
 *
 * @param action APPROVE, REJECT, PROMOTE, ROLLBACK or REBASELINE
 * @param stage the stage it is about
 * @param version the version it is about (for a rollback, the one to return to)
 * @param actor the operator the intake authenticated
 * @param reason why, in the operator's words; null when none was given
 * @param release the release promoted, or the baseline's tag; null otherwise
 */
public record OperatorOrder(LedgerEvent.Header header, String action, String stage, Long version, String actor,
    String reason, String release) implements LedgerEvent {}
