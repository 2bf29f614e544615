package io.deltapromotion.qc.messaging;

import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.state.RecentKeys;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.qc.domain.PromotionHistory;
import io.deltapromotion.registry.Registry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The promotion history QC compares drift with: the registry fold over QcCompleted (row counts) and
 * PromotionDone (what the target holds), fed by following both topics ({@link OwnedTablesConfiguration}).
 * Every instance reads every partition, so it sees every table. It also knows which announcements
 * already have their report, so an announcement delivered again (the consumer group's offsets deleted,
 * a partition moved to another instance) is not audited and reported twice: a report is read back before
 * its audit counts as done, and a partition counts as owned only once the reports were read to its end.
 * Per table it remembers the newest {@value #REPORTS_REMEMBERED} announcements reported on, so its memory
 * grows with the number of tables, not with their history.
 */
final class EventLogPromotionHistory implements PromotionHistory {

  /** Announcements remembered per table: redelivered ones are recent, the committed offsets cover the rest. */
  static final int REPORTS_REMEMBERED = 64;

  private final Registry registry = new Registry();
  private final Map<String, RecentKeys<String>> reportedAnnouncements = new ConcurrentHashMap<>();

  @Override
  public Optional<PromotedBaseline> lastPromoted(TableName source) {
    synchronized (registry) {
      return registry.lastPromoted(source.toString())
          .map(promoted -> new PromotedBaseline(promoted.version(), promoted.rowCount()));
    }
  }

  /** Whether a report on that TableChanged (by its table and event id) was already published. */
  boolean hasReportOn(TableName source, String announcementId) {
    RecentKeys<String> reported = reportedAnnouncements.get(source.toString());
    return reported != null && reported.contains(announcementId);
  }

  /** Folds one event of the followed topics in. */
  void apply(Object event) {
    synchronized (registry) {
      registry.apply(event);
    }
    if (event instanceof QcCompleted report && report.getEnvelope().getCausationId() != null) {
      reportedAnnouncements.computeIfAbsent(report.getTable().toString(),
          table -> new RecentKeys<>(REPORTS_REMEMBERED)).add(report.getEnvelope().getCausationId().toString());
    }
  }
}
