package io.deltapromotion.registryservice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every event of the promotion log, per table, in the order they occurred: the registry's one state,
 * written only by whoever follows the log, read as a {@link LedgerMoment} of any instant. An event seen
 * twice (a redelivery, a replay) is kept once; one that arrives late is put in its place by time, so a
 * moment asked about later sees it there.
 */
public final class PromotionLedger {

  private final Map<String, List<LedgerEvent>> byTable = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();

  /** Keeps the event; false when it was kept already. */
  public synchronized boolean record(LedgerEvent event) {
    if (!seen.add(event.eventId())) {
      return false;
    }
    List<LedgerEvent> events = byTable.computeIfAbsent(event.table(), table -> new ArrayList<>());
    int at = events.size();
    while (at > 0 && events.get(at - 1).at().isAfter(event.at())) {
      at--;
    }
    events.add(at, event);
    return true;
  }

  /** The log as it stood at the instant: each table's events that occurred at or before it. */
  public synchronized LedgerMoment asOf(Instant instant) {
    Map<String, TableTimeline> tables = new TreeMap<>();
    byTable.forEach((table, events) -> {
      int until = events.size();
      while (until > 0 && events.get(until - 1).at().isAfter(instant)) {
        until--;
      }
      if (until > 0) {
        tables.put(table, new TableTimeline(table, events.subList(0, until)));
      }
    });
    return new LedgerMoment(instant, tables);
  }
}
