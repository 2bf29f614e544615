package io.deltapromotion.promoter.messaging;

import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.promoter.domain.LogEntry;
import java.util.Optional;

/** What the promotion log folds from an event of the topics it is rebuilt from; empty for what it ignores. */
final class LogEntries {

  private LogEntries() {}

  /**
   * A QC report that names its version, an approval or rejection, a release order or a phase of one, or a
   * PromotionDone of a status this build knows; empty for anything else (a report of a missing source, a
   * promote order of one table or a rollback order: their outcomes are what counts).
   */
  static Optional<LogEntry> of(Object event) {
    if (event instanceof QcCompleted report && report.getVersion() != null) {
      return Optional.of(QcReportHandler.verdict(report));
    }
    if (event instanceof OperatorCommand command && OperatorCommandHandler.isDecision(command)) {
      return Optional.of(OperatorCommandHandler.decision(command));
    }
    if (event instanceof OperatorCommand command) {
      try {
        return OperatorCommandHandler.releaseOrder(command).or(() -> OperatorCommandHandler.releasePartOrNone(command))
            .map(LogEntry.class::cast);
      } catch (RuntimeException unreadable) {
        // A malformed order is dead-lettered by the listener; the log has nothing to learn from it.
        return Optional.empty();
      }
    }
    if (event instanceof PromotionDone done) {
      return Optional.ofNullable(PromotionEvents.recorded(done));
    }
    return Optional.empty();
  }
}
