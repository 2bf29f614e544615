package io.deltapromotion.chaos;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.WaitKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the topics say about the table versions announced since a moment: each must be announced once,
 * audited once, and end its way into the first stage the promoter writes with exactly one final outcome
 * (or a wait for a person); no valid event may be dead-lettered and no alert sent twice. Judged from the
 * records alone, never from the services.
 */
final class Judgement {

  /** The first stage the promoter writes: every announced version ends its way there. */
  static final String FIRST_WRITTEN_STAGE = "prod";

  private final List<TopicRecorder.Seen> records;
  private final Instant since;

  Judgement(List<TopicRecorder.Seen> records, Instant since) {
    this.records = records;
    this.since = since;
  }

  /** (table, version) announced since the moment, by their TableChanged event id. */
  Map<String, TableChanged> announced() {
    Map<String, TableChanged> announced = new HashMap<>();
    for (TableChanged changed : events(TableChanged.class)) {
      if (changed.getEnvelope().getOccurredAt().isBefore(since) || changed.getSourceVersion() == null) {
        continue;
      }
      announced.put(changed.getEnvelope().getEventId().toString(), changed);
    }
    return announced;
  }

  /** One table version (number and commit time) announced more than once, counted once per extra announcement. */
  int announcedTwice() {
    Map<String, Integer> counts = new HashMap<>();
    for (TableChanged changed : announced().values()) {
      counts.merge(changed.getSourceTable() + "@" + changed.getSourceVersion() + "@" + changed.getCommitTime(), 1, Integer::sum);
    }
    return counts.values().stream().mapToInt(count -> count - 1).sum();
  }

  /** Versions announced since the moment whose report, or whose final outcome into the first written stage, is missing. */
  List<String> unfinished() {
    Map<String, List<QcCompleted>> reports = reportsByAnnouncement();
    Map<String, List<PromotionDone>> outcomes = outcomesByPromotion();
    List<String> unfinished = new ArrayList<>();
    for (Map.Entry<String, TableChanged> entry : announced().entrySet()) {
      TableChanged changed = entry.getValue();
      String what = changed.getSourceTable() + " v" + changed.getSourceVersion();
      if (!reports.containsKey(entry.getKey())) {
        unfinished.add(what + ": no QC report");
        continue;
      }
      boolean ended = outcomes.getOrDefault(changed.getEnvelope().getCorrelationId().toString(), List.of()).stream()
          .anyMatch(done -> FIRST_WRITTEN_STAGE.equals(done.getTargetEnvironment())
              && (done.getAwaiting() == null
                  || done.getWaitingFor() != null && done.getWaitingFor().getKind() == WaitKind.APPROVAL));
      if (!ended && changed.getChangeCategory() != ChangeCategory.MISSING_SOURCE) {
        unfinished.add(what + ": no outcome into " + FIRST_WRITTEN_STAGE);
      }
    }
    return unfinished;
  }

  /**
   * Two final outcomes for one promotion and stage (repairs of the clone health check aside, which say so;
   * a rollback undoing the hop, as a release whose other table failed does, is counted apart: at most one),
   * and two reports for one announcement.
   */
  int duplicated() {
    Map<String, Integer> finals = new HashMap<>();
    for (PromotionDone done : events(PromotionDone.class)) {
      if (done.getAwaiting() == null && !isRepair(done)) {
        finals.merge(hopOf(done) + (done.getStatus() == PromotionStatus.ROLLED_BACK ? "@undone" : ""), 1, Integer::sum);
      }
    }
    Set<String> recent = events(PromotionDone.class).stream().filter(done -> !done.getEnvelope().getOccurredAt().isBefore(since))
        .map(done -> hopOf(done) + (done.getStatus() == PromotionStatus.ROLLED_BACK ? "@undone" : ""))
        .collect(Collectors.toSet());
    int duplicates = finals.entrySet().stream().filter(entry -> recent.contains(entry.getKey()))
        .mapToInt(entry -> entry.getValue() - 1).sum();
    Set<String> announcements = announced().keySet();
    return duplicates + reportsByAnnouncement().entrySet().stream().filter(entry -> announcements.contains(entry.getKey()))
        .mapToInt(entry -> entry.getValue().size() - 1).sum();
  }

  /**
   * One table's hop into one stage within one promotion: a rebaseline's tables share its command's
   * promotion id, so the table is part of what is counted once.
   */
  private static String hopOf(PromotionDone done) {
    return done.getEnvelope().getCorrelationId() + "@" + done.getSourceTable() + "@" + done.getTargetEnvironment();
  }

  /** Repairs made since the moment (a clone re-made, an emptied table restored). */
  int repairs() {
    return (int) events(PromotionDone.class).stream()
        .filter(done -> isRepair(done) && !done.getEnvelope().getOccurredAt().isBefore(since)).count();
  }

  /** Dead letters written since the moment whose key is not one of the bad inputs the suite sent on purpose. */
  List<String> deadLetteredValid(Set<String> badOnPurpose) {
    return records.stream().filter(TopicRecorder.Seen::isDeadLetter).filter(letter -> !letter.at().isBefore(since))
        .filter(letter -> !badOnPurpose.contains(letter.key()))
        .map(letter -> letter.topic() + ": " + letter.key() + ": " + TopicRecorder.reason(letter)).toList();
  }

  /** Alert keys delivered more than once, among those first delivered since the moment. */
  static List<String> alertedTwice(List<AlertCounter.Delivery> deliveries, Instant since) {
    Map<String, List<AlertCounter.Delivery>> byKey = deliveries.stream().filter(delivery -> delivery.key() != null)
        .collect(Collectors.groupingBy(AlertCounter.Delivery::key));
    return byKey.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
        .filter(entry -> !entry.getValue().get(0).at().isBefore(since)).map(Map.Entry::getKey).toList();
  }

  /** The final outcomes of the given release's orders into the stage, by table, in the order they were published. */
  Map<String, List<String>> releaseOutcomes(String releaseTag, String stage) {
    Map<String, List<String>> outcomes = new HashMap<>();
    for (PromotionDone done : events(PromotionDone.class)) {
      if (releaseTag.equals(done.getReleaseTag()) && stage.equals(done.getTargetEnvironment()) && done.getAwaiting() == null
          && done.getActor() != null && !done.getEnvelope().getOccurredAt().isBefore(since)) {
        outcomes.computeIfAbsent(done.getSourceTable(), table -> new ArrayList<>()).add(done.getStatus().name());
      }
    }
    return outcomes;
  }

  private static boolean isRepair(PromotionDone done) {
    return done.getError() != null && done.getError().startsWith("repaired:");
  }

  private Map<String, List<QcCompleted>> reportsByAnnouncement() {
    Map<String, List<QcCompleted>> reports = new HashMap<>();
    for (QcCompleted report : events(QcCompleted.class)) {
      if (report.getEnvelope().getCausationId() != null) {
        reports.computeIfAbsent(report.getEnvelope().getCausationId().toString(), key -> new ArrayList<>()).add(report);
      }
    }
    return reports;
  }

  private Map<String, List<PromotionDone>> outcomesByPromotion() {
    Map<String, List<PromotionDone>> outcomes = new HashMap<>();
    for (PromotionDone done : events(PromotionDone.class)) {
      outcomes.computeIfAbsent(done.getEnvelope().getCorrelationId().toString(), key -> new ArrayList<>()).add(done);
    }
    return outcomes;
  }

  private <T> List<T> events(Class<T> type) {
    List<T> events = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    for (TopicRecorder.Seen record : records) {
      if (type.isInstance(record.event()) && seenIds.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
        events.add(type.cast(record.event()));
      }
    }
    return events;
  }
}
