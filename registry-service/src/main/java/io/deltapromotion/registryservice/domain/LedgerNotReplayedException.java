package io.deltapromotion.registryservice.domain;

/** The ledger is still reading the log to its end, so it cannot answer yet; ask again shortly. */
public final class LedgerNotReplayedException extends IllegalStateException {

  public LedgerNotReplayedException() {
    super("the registry is still reading the promotion log to its end; ask again shortly");
  }
}
