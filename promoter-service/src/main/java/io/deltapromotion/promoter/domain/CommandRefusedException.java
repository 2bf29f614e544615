package io.deltapromotion.promoter.domain;

/** An operator's command that does not fit what the promoter knows; the message says why. */
public final class CommandRefusedException extends RuntimeException {

  /** Whether it names something that does not exist (otherwise it conflicts with the current state). */
  private final boolean unknown;

  public CommandRefusedException(String message, boolean unknown) {
    super(message);
    this.unknown = unknown;
  }

  public boolean unknown() {
    return unknown;
  }
}
