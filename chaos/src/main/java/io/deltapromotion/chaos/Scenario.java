package io.deltapromotion.chaos;

import java.util.List;

/**
 * One way of breaking things while the workload commits a batch: it commits the batch, injects its fault
 * at its moment, heals it and says when ({@link ChaosRun#healed()}). The suite then waits for the system to
 * settle and judges.
 *
 * @param inShortRun whether the short run (CI's, after the build) plays it too
 */
record Scenario(String name, boolean inShortRun, Play play) {

  /** What the scenario does. */
  @FunctionalInterface
  interface Play {
    void on(ChaosRun run, List<Workload.Table> batch) throws Exception;
  }
}
