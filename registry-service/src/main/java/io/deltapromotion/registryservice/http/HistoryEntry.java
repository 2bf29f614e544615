package io.deltapromotion.registryservice.http;

import io.deltapromotion.registryservice.domain.Announcement;
import io.deltapromotion.registryservice.domain.LedgerEvent;
import io.deltapromotion.registryservice.domain.OperatorOrder;
import io.deltapromotion.registryservice.domain.QcReport;
import io.deltapromotion.registryservice.domain.StageOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One event of a table's history as the API shows it: {@code type} says which ({@code announced},
 * {@code qc}, {@code outcome}, {@code command}); fields that do not apply to it are null.
 *
 * @param verdict QC's verdict (qc)
 * @param status the outcome's status (outcome)
 * @param stage the stage of the hop (outcome, command), or the stage announced for (announced)
 * @param action what the operator ordered (command): APPROVE, REJECT, PROMOTE, ROLLBACK, REBASELINE
 * @param reason the operator's reason (command)
 */
record HistoryEntry(String type, Instant at, String promotionId, Long version, String stage, String category,
    String verdict, List<QcReport.Check> checks, Long rowCount, String status, Long previousVersion,
    StageOutcome.Wait waitingFor, String actor, String error, String release, String action, String reason) {

  static HistoryEntry of(LedgerEvent event) {
    if (event instanceof Announcement announced) {
      return new HistoryEntry("announced", announced.at(), announced.promotionId(), announced.version(),
          announced.targetStage(), announced.category(), null, null, null, null, null, null, null, null, announced.release(),
          null, null);
    }
    if (event instanceof QcReport report) {
      return new HistoryEntry("qc", report.at(), report.promotionId(), report.version(), null, null, report.verdict(),
          report.checks(), report.rowCount(), null, null, null, null, null, null, null, null);
    }
    if (event instanceof OperatorOrder order) {
      return new HistoryEntry("command", order.at(), order.promotionId(), order.version(), order.stage(), null, null,
          null, null, null, null, null, order.actor(), null, order.release(), order.action(), order.reason());
    }
    StageOutcome outcome = (StageOutcome) event;
    return new HistoryEntry("outcome", outcome.at(), outcome.promotionId(), outcome.version(), outcome.stage(), null,
        null, null, null, outcome.status(), outcome.previousVersion(), outcome.waiting(), outcome.actor(), outcome.error(),
        outcome.release(), null, null);
  }
}
