package io.deltapromotion.registryservice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The promotion log as it stood at one instant, and every question the registry answers about it: the
 * same questions for now and for any moment before, from the events alone (never the warehouse).
 */
public final class LedgerMoment {

  private final Instant at;
  private final Map<String, TableTimeline> tables;

  LedgerMoment(Instant at, Map<String, TableTimeline> tables) {
    this.at = at;
    this.tables = Map.copyOf(tables);
  }

  public Instant at() {
    return at;
  }

  /** Every table any event named by then, by name. */
  public List<TableSummary> tables() {
    return sorted().stream().map(LedgerMoment::summary).toList();
  }

  public Optional<TableSummary> table(String table) {
    return timeline(table).map(LedgerMoment::summary);
  }

  public Optional<TableTimeline> timeline(String table) {
    return Optional.ofNullable(tables.get(table));
  }

  /** The table's events, newest first, one page of them; empty when no event named it. */
  public Optional<Page<LedgerEvent>> history(String table, int page, int size) {
    return timeline(table).map(timeline -> Page.of(timeline.newestFirst(), page, size));
  }

  /**
   * Where each table stands in the stage (what it holds, since when, its newest hop): the answer to
   * "what is in live", table by table; a table that never reached the stage has no holding.
   */
  public Map<String, Optional<StageHolding>> inStage(String stage, List<String> tableNames) {
    Map<String, Optional<StageHolding>> status = new LinkedHashMap<>();
    tableNames.forEach(table -> status.put(table, timeline(table).flatMap(timeline -> timeline.stage(stage))));
    return status;
  }

  /** Each hop of one promotion, newest outcome per table and stage, in the order they were first reached. */
  public List<HopStatus> promotion(String promotionId) {
    Map<TableStage, HopStatus> hops = new LinkedHashMap<>();
    sorted().forEach(timeline ->
        timeline.ofPromotion(promotionId).stream().filter(StageOutcome.class::isInstance).map(StageOutcome.class::cast)
            .forEach(outcome -> hops.put(new TableStage(outcome.table(), outcome.stage()),
                new HopStatus(outcome.table(), outcome.stage(), outcome))));
    return List.copyOf(hops.values());
  }

  /** For every table, each stage it reached against pre-prod's newest version. */
  public List<StageDrift> drift() {
    List<StageDrift> drift = new ArrayList<>();
    for (TableTimeline timeline : sorted()) {
      Optional<Announcement> newest = timeline.newestAnnouncement();
      Long preprod = newest.map(Announcement::version).orElse(null);
      String fingerprint = newest.map(Announcement::schemaFingerprint).orElse(null);
      for (StageHolding stage : timeline.stages()) {
        String stageFingerprint = timeline.announcementOf(stage.version()).map(Announcement::schemaFingerprint).orElse(null);
        drift.add(new StageDrift(timeline.table(), stage.stage(), stage.version(), preprod,
            preprod == null || stage.version() == null ? null : preprod - stage.version(),
            fingerprint == null || stageFingerprint == null ? null : !fingerprint.equals(stageFingerprint),
            newest.map(Announcement::category).orElse(null)));
      }
    }
    return drift;
  }

  /** Every release any event named, by tag, with its tables. */
  public List<ReleaseView> releases() {
    Map<String, List<TableSummary>> releases = new TreeMap<>();
    for (TableTimeline timeline : sorted()) {
      TableSummary summary = summary(timeline);
      timeline.releases().forEach(release -> releases.computeIfAbsent(release, tag -> new ArrayList<>()).add(summary));
    }
    return releases.entrySet().stream().map(release -> new ReleaseView(release.getKey(), release.getValue())).toList();
  }

  public Optional<ReleaseView> release(String tag) {
    return releases().stream().filter(release -> release.release().equals(tag)).findFirst();
  }

  /**
   * The final outcomes with one of the statuses (e.g. BLOCKED, FAILED, ROLLED_BACK), newest first, at
   * most that many; a hop still waiting is not one.
   */
  public List<Incident> incidents(Set<String> statuses, int limit) {
    List<Incident> incidents = new ArrayList<>();
    for (TableTimeline timeline : tables.values()) {
      timeline.events().stream().filter(StageOutcome.class::isInstance).map(StageOutcome.class::cast)
          .filter(outcome -> outcome.waiting() == null && statuses.contains(outcome.status()))
          .forEach(outcome -> incidents.add(new Incident(outcome, failingChecks(timeline, outcome))));
    }
    incidents.sort(Comparator.comparing((Incident incident) -> incident.outcome().at()).reversed()
        .thenComparing(incident -> incident.outcome().table()));
    return incidents.subList(0, Math.min(limit, incidents.size()));
  }

  private static List<QcReport.Check> failingChecks(TableTimeline timeline, StageOutcome outcome) {
    return timeline.reportOf(outcome.version())
        .map(report -> report.checks().stream().filter(check -> !"PASS".equals(check.verdict())).toList())
        .orElse(List.of());
  }

  /** The hops waiting for a person's approval, the longest-waiting first. */
  public List<PendingApproval> pendingApprovals() {
    List<PendingApproval> pending = new ArrayList<>();
    for (TableTimeline timeline : tables.values()) {
      Map<Hop, List<StageOutcome>> hops = new LinkedHashMap<>();
      timeline.events().stream().filter(StageOutcome.class::isInstance).map(StageOutcome.class::cast)
          .forEach(outcome -> hops.computeIfAbsent(new Hop(outcome.promotionId(), outcome.stage()), hop -> new ArrayList<>())
              .add(outcome));
      hops.values().forEach(outcomes -> waitingForApproval(outcomes).ifPresent(pending::add));
    }
    pending.sort(Comparator.comparing(PendingApproval::since).thenComparing(PendingApproval::table));
    return pending;
  }

  /** The hop's approval wait when its newest outcome is one, since the first of the waits in a row. */
  private Optional<PendingApproval> waitingForApproval(List<StageOutcome> outcomes) {
    StageOutcome newest = outcomes.get(outcomes.size() - 1);
    if (!isApprovalWait(newest)) {
      return Optional.empty();
    }
    Instant since = newest.at();
    for (int index = outcomes.size() - 1; index >= 0 && isApprovalWait(outcomes.get(index)); index--) {
      since = outcomes.get(index).at();
    }
    return Optional.of(new PendingApproval(newest.table(), newest.stage(), newest.version(), newest.promotionId(),
        newest.release(), newest.waiting().reason(), since, Duration.between(since, at)));
  }

  /** The log's figures at this moment: outcomes by stage and status, lead times, approvals waiting. */
  public LedgerStatistics statistics() {
    Map<LedgerStatistics.StageStatus, Long> outcomes = new HashMap<>();
    Map<String, LedgerStatistics.LeadTimes> leadTimes = new HashMap<>();
    Map<String, LedgerStatistics.ApprovalBacklog> approvals = new HashMap<>();
    for (TableTimeline timeline : tables.values()) {
      Map<Long, Instant> committed = new HashMap<>();
      for (LedgerEvent event : timeline.events()) {
        if (event instanceof Announcement announcement && announcement.version() != null && announcement.committedAt() != null) {
          committed.put(announcement.version(), announcement.committedAt());
        } else if (event instanceof StageOutcome outcome) {
          approvals.putIfAbsent(outcome.stage(), LedgerStatistics.ApprovalBacklog.NONE);
          if (outcome.waiting() == null) {
            outcomes.merge(new LedgerStatistics.StageStatus(outcome.stage(), outcome.status()), 1L, Long::sum);
            leadTime(outcome, committed.get(outcome.version())).ifPresent(leadTime -> leadTimes.merge(outcome.stage(),
                new LedgerStatistics.LeadTimes(1, leadTime), (sum, one) -> sum.plus(leadTime)));
          }
        }
      }
    }
    pendingApprovals().forEach(pending -> approvals.merge(pending.stage(), LedgerStatistics.ApprovalBacklog.NONE.plus(pending),
        (backlog, one) -> backlog.plus(pending)));
    return new LedgerStatistics(outcomes, leadTimes, approvals);
  }

  /** From the version's pre-prod commit to its clone into the outcome's stage; none for anything but a clone. */
  private static Optional<Duration> leadTime(StageOutcome outcome, Instant committed) {
    if (!"PROMOTED".equals(outcome.status()) || committed == null || committed.isAfter(outcome.at())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(committed, outcome.at()));
  }

  private List<TableTimeline> sorted() {
    return tables.values().stream().sorted(Comparator.comparing(TableTimeline::table)).toList();
  }

  private static boolean isApprovalWait(StageOutcome outcome) {
    return outcome.waiting() != null && "APPROVAL".equals(outcome.waiting().kind());
  }

  private record Hop(String promotionId, String stage) {}

  private record TableStage(String table, String stage) {}

  private static TableSummary summary(TableTimeline timeline) {
    Optional<Announcement> newest = timeline.newestAnnouncement();
    Long version = newest.map(Announcement::version).orElse(null);
    return new TableSummary(timeline.table(), version, newest.map(Announcement::category).orElse(null),
        newest.map(Announcement::release).orElse(null),
        timeline.reportOf(version).map(QcReport::verdict).orElse(null), timeline.stages(),
        newest.map(Announcement::targetTable).orElse(null), newest.map(Announcement::targetStage).orElse(null));
  }
}
