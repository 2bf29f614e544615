package io.deltapromotion.registryservice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every event of the promotion log, per table, in the order they occurred: the registry's one state,
 * written only by whoever follows the log, read as a {@link LedgerMoment} of any instant. An event seen
 * twice (a redelivery, a replay) is kept once; one that arrives late is put in its place by time, so a
 * moment asked about later sees it there. It answers nothing until the log was read to its end once
 * ({@link #replayed()}): a registry that knew only the start of the log would answer wrongly, not late.
 */
public final class PromotionLedger {

  private final Map<String, List<LedgerEvent>> byTable = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();
  private final List<Consumer<LedgerEvent>> watchers = new CopyOnWriteArrayList<>();
  private boolean replayed;

  /** Tells the watcher of every event kept from now on, once the log was read to its end (the live ones). */
  public void watch(Consumer<LedgerEvent> watcher) {
    watchers.add(watcher);
  }

  /** Keeps the event; false when it was kept already. */
  public boolean record(LedgerEvent event) {
    boolean live;
    synchronized (this) {
      if (!seen.add(event.eventId())) {
        return false;
      }
      List<LedgerEvent> events = byTable.computeIfAbsent(event.table(), table -> new ArrayList<>());
      int at = events.size();
      while (at > 0 && events.get(at - 1).at().isAfter(event.at())) {
        at--;
      }
      events.add(at, event);
      live = replayed;
    }
    if (live) {
      watchers.forEach(watcher -> watcher.accept(event));
    }
    return true;
  }

  /** The log was read to its end: from now on the ledger answers. */
  public synchronized void replayed() {
    replayed = true;
  }

  /**
   * The log as it stood at the instant: each table's events that occurred at or before it.
   *
   * @throws LedgerNotReplayedException while the log is still being read to its end
   */
  public synchronized LedgerMoment asOf(Instant instant) {
    if (!replayed) {
      throw new LedgerNotReplayedException();
    }
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
