package io.deltapromotion.notifier.domain;

import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.OutageException;

/**
 * The lineage endpoint did not take a run: an outage, waited out (the run is sent once it does), never a
 * reason to drop the run. A run the endpoint keeps refusing holds up the runs behind it, and the health
 * endpoint and the outage watch say so.
 */
public class LineageUnavailableException extends OutageException {

  public LineageUnavailableException(String message, Throwable cause) {
    super(Dependency.LINEAGE_ENDPOINT, message, cause);
  }
}
