package io.deltapromotion.detector.domain;

import java.util.List;

/**
 * What one detection cycle did.
 *
 * @param announced the versions it announced
 * @param failedReads how many tables (or schema listings) it could not read because the warehouse failed
 */
public record CycleOutcome(List<Detection> announced, int failedReads) {

  public CycleOutcome {
    announced = List.copyOf(announced);
  }
}
