package io.deltapromotion.qc.domain;

/**
 * One gate's outcome.
 *
 * @param name stable check name, e.g. {@code row_count}, {@code null_keys.author_id}, {@code duplicate_keys}
 * @param observedValue what was measured, as text; null when nothing could be measured
 * @param threshold the limit it was compared with, as text; null when the check has none
 * @param message a sentence a person can act on
 * @param requiresApproval the version may be promoted only once a person approves it
 */
public record CheckOutcome(String name, Verdict verdict, String observedValue, String threshold, String message,
    boolean requiresApproval) {

  public CheckOutcome(String name, Verdict verdict, String observedValue, String threshold, String message) {
    this(name, verdict, observedValue, threshold, message, false);
  }
}
