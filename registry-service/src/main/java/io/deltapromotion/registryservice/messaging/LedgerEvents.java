package io.deltapromotion.registryservice.messaging;

import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.HopWait;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.registryservice.domain.Announcement;
import io.deltapromotion.registryservice.domain.LedgerEvent;
import io.deltapromotion.registryservice.domain.OperatorOrder;
import io.deltapromotion.registryservice.domain.QcReport;
import io.deltapromotion.registryservice.domain.StageOutcome;
import java.util.Optional;

/**
 * The promotion log's events and the operators' commands as the ledger keeps them; any other event,
 * and the parts promoter-service splits a release's command into for its instances, are not the ledger's.
 */
final class LedgerEvents {

  private LedgerEvents() {}

  static Optional<LedgerEvent> of(Object event) {
    if (event instanceof TableChanged changed) {
      return Optional.of(announcement(changed));
    }
    if (event instanceof QcCompleted report) {
      return Optional.of(report(report));
    }
    if (event instanceof PromotionDone done) {
      return Optional.of(outcome(done));
    }
    if (event instanceof OperatorCommand command && command.getPartOf() == null) {
      return Optional.of(order(command));
    }
    return Optional.empty();
  }

  private static OperatorOrder order(OperatorCommand command) {
    return new OperatorOrder(header(command.getEnvelope(), command.getTable()), command.getAction().name(),
        command.getStage(), command.getVersion(), command.getActor(), command.getReason(), command.getReleaseTag());
  }

  private static Announcement announcement(TableChanged event) {
    return new Announcement(header(event.getEnvelope(), event.getSourceTable()), event.getSourceVersion(),
        event.getChangeCategory().name(), event.getSchemaFingerprint(), event.getTargetTable(), event.getTargetEnvironment(), event.getReleaseTag(),
        event.getCommitTime());
  }

  private static QcReport report(QcCompleted event) {
    return new QcReport(header(event.getEnvelope(), event.getTable()), event.getVersion(), event.getStatus().name(),
        event.getChecks().stream().map(LedgerEvents::check).toList(), event.getRowCount());
  }

  private static QcReport.Check check(CheckResult check) {
    return new QcReport.Check(check.getName(), check.getStatus().name(), check.getObservedValue(), check.getThreshold(),
        check.getMessage());
  }

  private static StageOutcome outcome(PromotionDone event) {
    return new StageOutcome(header(event.getEnvelope(), event.getSourceTable()), event.getTargetEnvironment(),
        event.getStatus().name(), event.getSourceVersion(), event.getPreviousPromotedVersion(), wait(event),
        event.getReleaseTag(), event.getActor(), event.getError());
  }

  /**
   * What the hop waits for. An outcome written before waits were typed says so in words only: it waits,
   * for something this reader cannot name (UNKNOWN), so it is not taken for final.
   */
  private static StageOutcome.Wait wait(PromotionDone event) {
    HopWait wait = event.getWaitingFor();
    if (wait == null) {
      return event.getAwaiting() == null ? null : new StageOutcome.Wait("UNKNOWN", event.getAwaiting(), null, null);
    }
    return new StageOutcome.Wait(wait.getKind().name(), wait.getApprovalReason(), wait.getSoakUntil(), wait.getRelease());
  }

  private static LedgerEvent.Header header(EventEnvelope envelope, String table) {
    return new LedgerEvent.Header(envelope.getEventId().toString(), envelope.getCorrelationId().toString(), table,
        envelope.getOccurredAt());
  }
}
