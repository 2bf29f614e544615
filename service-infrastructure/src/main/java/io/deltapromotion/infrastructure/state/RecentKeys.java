package io.deltapromotion.infrastructure.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest {@code capacity} keys added, oldest forgotten first: the bounded memory of "this was done
 * already" that a service folds from its log. Adding a key it holds changes nothing (not even its age).
 * Thread-safe.
 */
public final class RecentKeys<K> {

  private final int capacity;
  private final Map<K, Boolean> keys;

  public RecentKeys(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.keys = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
        return size() > RecentKeys.this.capacity;
      }
    };
  }

  public synchronized void add(K key) {
    keys.putIfAbsent(key, Boolean.TRUE);
  }

  public synchronized boolean contains(K key) {
    return keys.containsKey(key);
  }

  public synchronized int size() {
    return keys.size();
  }

  public int capacity() {
    return capacity;
  }
}
