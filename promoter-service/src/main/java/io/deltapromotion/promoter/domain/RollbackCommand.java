package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/**
 * An operator's order to return a stage's table to a version it held before.
 *
 * @param commandId the command event's id
 * @param rollbackId the id the rollback's outcome is correlated by (the command's correlation id)
 * @param toVersion the source version to return to
 */
public record RollbackCommand(String commandId, String rollbackId, String actor, String reason, TableName source,
    String stage, long toVersion) {}
