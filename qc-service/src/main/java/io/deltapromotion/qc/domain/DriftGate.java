package io.deltapromotion.qc.domain;

import io.deltapromotion.policy.DriftThresholds;
import io.deltapromotion.qc.domain.PromotionHistory.PromotedBaseline;
import java.util.Optional;

/**
 * Row-count drift against the version the target holds (its row count as QC measured it when it was
 * audited), so no query touches prod: growth or shrinkage above the policy's limits warns or fails.
 */
final class DriftGate {

  static final String NAME = "row_count_drift";

  private DriftGate() {}

  static CheckOutcome evaluate(long rows, Optional<PromotedBaseline> baseline, DriftThresholds limits) {
    String threshold = threshold(limits);
    if (baseline.isEmpty()) {
      return new CheckOutcome(NAME, Verdict.PASS, null, threshold,
          "no promoted version with a known row count to compare with (first promotion)");
    }
    long before = baseline.get().rowCount();
    double percent = before == 0 ? (rows == 0 ? 0 : Double.POSITIVE_INFINITY) : 100.0 * Math.abs(rows - before) / before;
    String observed = Double.isInfinite(percent) ? "inf" : CustomChecks.plain(Math.round(percent * 100) / 100.0);
    String change = before + " rows in promoted version " + baseline.get().version() + " -> " + rows + " rows ("
        + (rows >= before ? "+" : "-") + observed + "%)";
    if (limits.failAbovePercent() != null && percent > limits.failAbovePercent()) {
      return new CheckOutcome(NAME, Verdict.FAIL, observed, threshold, change + ", above the FAIL limit of "
          + CustomChecks.plain(limits.failAbovePercent()) + "%; confirm the load is complete and correct");
    }
    if (limits.warnAbovePercent() != null && percent > limits.warnAbovePercent()) {
      return new CheckOutcome(NAME, Verdict.WARN, observed, threshold, change + ", above the WARN limit of "
          + CustomChecks.plain(limits.warnAbovePercent()) + "%");
    }
    return new CheckOutcome(NAME, Verdict.PASS, observed, threshold, change);
  }

  private static String threshold(DriftThresholds limits) {
    return "warn>" + (limits.warnAbovePercent() == null ? "none" : CustomChecks.plain(limits.warnAbovePercent()) + "%")
        + " fail>" + (limits.failAbovePercent() == null ? "none" : CustomChecks.plain(limits.failAbovePercent()) + "%");
  }
}
