package io.deltapromotion.registryservice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One table's events up to a moment, oldest first (events of one instant in the order they were read):
 * every question about the table is answered from it alone.
 */
public final class TableTimeline {

  private final String table;
  private final List<LedgerEvent> events;

  TableTimeline(String table, List<LedgerEvent> events) {
    this.table = table;
    this.events = List.copyOf(events);
  }

  public String table() {
    return table;
  }

  /** Every event, newest first. */
  public List<LedgerEvent> newestFirst() {
    List<LedgerEvent> newestFirst = new ArrayList<>(events);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  public Optional<Announcement> newestAnnouncement() {
    return newest(Announcement.class);
  }

  public Optional<QcReport> newestReport() {
    return newest(QcReport.class);
  }

  /** The newest report of that version. */
  public Optional<QcReport> reportOf(Long version) {
    return newestFirst().stream().filter(QcReport.class::isInstance).map(QcReport.class::cast)
        .filter(report -> version != null && version.equals(report.version())).findFirst();
  }

  /** The announcement of that version (its schema fingerprint, its category). */
  public Optional<Announcement> announcementOf(Long version) {
    return newestFirst().stream().filter(Announcement.class::isInstance).map(Announcement.class::cast)
        .filter(announcement -> version != null && version.equals(announcement.version())).findFirst();
  }

  /**
   * Each stage any hop went into, in the order they were first reached (the ladder's order as this
   * table climbed it). A clone or a rollback sets what a stage holds; another outcome only tells what it
   * was seen holding when nothing set it yet.
   */
  public List<StageHolding> stages() {
    Map<String, StageHolding> stages = new LinkedHashMap<>();
    for (LedgerEvent event : events) {
      if (event instanceof StageOutcome outcome) {
        StageHolding before = stages.get(outcome.stage());
        Long version = before == null ? null : before.version();
        Instant since = before == null ? null : before.since();
        if (outcome.wroteStage()) {
          version = outcome.version();
          since = outcome.at();
        } else if (version == null && since == null) {
          version = outcome.previousVersion();
        }
        stages.put(outcome.stage(), new StageHolding(outcome.stage(), version, since, outcome, outcome.waiting()));
      }
    }
    return List.copyOf(stages.values());
  }

  public Optional<StageHolding> stage(String stage) {
    return stages().stream().filter(holding -> holding.stage().equals(stage)).findFirst();
  }

  /** The releases any of its events named, in the order first named. */
  public Set<String> releases() {
    Set<String> releases = new LinkedHashSet<>();
    for (LedgerEvent event : events) {
      if (event instanceof Announcement announcement && announcement.release() != null) {
        releases.add(announcement.release());
      } else if (event instanceof StageOutcome outcome) {
        String release = outcome.release() != null || outcome.waiting() == null ? outcome.release() : outcome.waiting().release();
        if (release != null) {
          releases.add(release);
        }
      }
    }
    return releases;
  }

  /** The events of one promotion, oldest first. */
  public List<LedgerEvent> ofPromotion(String promotionId) {
    List<LedgerEvent> of = new ArrayList<>();
    events.stream().filter(event -> event.promotionId().equals(promotionId)).forEach(of::add);
    return of;
  }

  List<LedgerEvent> events() {
    return events;
  }

  private <T extends LedgerEvent> Optional<T> newest(Class<T> type) {
    return newestFirst().stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
