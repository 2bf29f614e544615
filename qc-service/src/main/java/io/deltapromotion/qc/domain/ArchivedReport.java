package io.deltapromotion.qc.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.Objects;

/**
 * One published QC report, as it is archived.
 *
 * @param eventId the id of the QcCompleted event: the same id is the same report
 * @param promotionId the promotion the report belongs to (the event's correlation id)
 * @param releaseTag the release the table belongs to, or null
 * @param table the audited source table
 * @param version the audited version, or null when the source was missing
 * @param targetTable the table the version would be promoted to
 * @param status PASS, WARN or FAIL
 * @param reportJson the whole report (checks, row count, ...) as JSON
 * @param checkedAt when the report was published
 */
public record ArchivedReport(String eventId, String promotionId, String releaseTag, TableName table, Long version,
    TableName targetTable, String status, String reportJson, Instant checkedAt) {

  public ArchivedReport {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(table, "table");
  }
}
