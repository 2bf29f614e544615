package io.deltapromotion.stack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One server as {@code bin/stack status} reports it. */
public record ComponentStatus(Component component, State state, OptionalLong pid, String endpoint, Path log) {

  public enum State {
    /** Started by this stack and answering. */
    HEALTHY,
    /** Started by this stack, alive, not answering (yet). */
    NOT_ANSWERING,
    /** Answering, but not started by this stack: stack down leaves it alone. */
    EXTERNAL,
    /** Not running. */
    STOPPED
  }

  public boolean usable() {
    return state == State.HEALTHY || state == State.EXTERNAL;
  }
}
