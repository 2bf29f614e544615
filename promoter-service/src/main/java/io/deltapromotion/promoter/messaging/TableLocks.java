package io.deltapromotion.promoter.messaging;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per source table: a table's decisions run one at a time, in the order they are asked for,
 * while other tables' run alongside. Several tables are always locked in name order, so two callers
 * locking overlapping sets cannot deadlock.
 */
final class TableLocks {

  private final ConcurrentMap<TableName, ReentrantLock> locks = new ConcurrentHashMap<>();

  void run(Collection<TableName> tables, Runnable work) {
    List<ReentrantLock> held = tables.stream().distinct().sorted(Comparator.comparing(TableName::toString))
        .map(table -> locks.computeIfAbsent(table, key -> new ReentrantLock(true))).toList();
    held.forEach(ReentrantLock::lock);
    try {
      work.run();
    } finally {
      for (int index = held.size() - 1; index >= 0; index--) {
        held.get(index).unlock();
      }
    }
  }
}
