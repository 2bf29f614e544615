package io.deltapromotion.policy;

/**
 * Row-count drift limits, in percent of the row count of the version last promoted: a change (growth
 * or shrinkage) above {@code warnAbove} warns, above {@code failAbove} fails. Null means no limit.
 */
public record DriftThresholds(Double warnAbovePercent, Double failAbovePercent) {

  /** WARN above 10%, never FAIL: the documents' rule of thumb. */
  public static final DriftThresholds DEFAULT = new DriftThresholds(10.0, null);

  public DriftThresholds {
    requirePercent(warnAbovePercent);
    requirePercent(failAbovePercent);
    if (warnAbovePercent != null && failAbovePercent != null && warnAbovePercent > failAbovePercent) {
      throw new IllegalArgumentException("warn-above (" + warnAbovePercent + "%) must not exceed fail-above ("
          + failAbovePercent + "%)");
    }
  }

  private static void requirePercent(Double percent) {
    if (percent != null && (percent.isNaN() || percent < 0)) {
      throw new IllegalArgumentException("a drift limit is a percentage of at least 0, got " + percent);
    }
  }
}
