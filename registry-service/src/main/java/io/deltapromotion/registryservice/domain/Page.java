package io.deltapromotion.registryservice.domain;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page, from 0
 * @param size at most this many items per page
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int number, int size, int total) {

  public Page {
    items = List.copyOf(items);
  }

  /** The page of the list; empty past its end. */
  public static <T> Page<T> of(List<T> all, int number, int size) {
    if (number < 0 || size < 1) {
      throw new IllegalArgumentException("a page is a number from 0 and a size from 1: page " + number + ", size " + size);
    }
    long from = Math.min((long) number * size, all.size());
    long to = Math.min(from + size, all.size());
    return new Page<>(all.subList((int) from, (int) to), number, size, all.size());
  }
}
