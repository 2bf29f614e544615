package io.deltapromotion.infrastructure.failure;

/**
 * What an error means for the work that hit it.
 *
 * @param kind bad input (give up on it now, with the reason) or not (wait and retry)
 * @param dependency what is down, for an outage; {@link Dependency#UNKNOWN} for an unexpected error
 * @param reason the error's message, for logs, health and alerts
 */
public record Failure(Kind kind, Dependency dependency, String reason) {

  /** The two ways work can fail that are handled differently (a warehouse's refusal is an outcome, not a failure). */
  public enum Kind {
    /** The input can never be processed as it is: dead-letter it at once, with the reason. */
    BAD_INPUT,
    /** A dependency is down, or something unexpected happened: keep the input, back off and retry. */
    OUTAGE
  }

  public boolean isBadInput() {
    return kind == Kind.BAD_INPUT;
  }
}
