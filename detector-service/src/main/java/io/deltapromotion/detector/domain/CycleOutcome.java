package io.deltapromotion.detector.domain;

import java.util.List;

/**
 * What one detection cycle did.
 *
 * @param announced the versions it announced
 * @param failedReads how many tables (or schema listings) it could not read because the warehouse failed
 * @param outage why the warehouse could not be reached, when that is why reads failed; null otherwise
 */
public record CycleOutcome(List<Detection> announced, int failedReads, String outage) {

  public CycleOutcome {
    announced = List.copyOf(announced);
  }
}
