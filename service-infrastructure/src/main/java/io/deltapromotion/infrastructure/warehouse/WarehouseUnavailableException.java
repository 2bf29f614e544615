package io.deltapromotion.infrastructure.warehouse;

import io.deltapromotion.infrastructure.failure.Dependency;
import io.deltapromotion.infrastructure.failure.OutageException;

/**
 * The warehouse could not be reached or stopped answering: no session could be had from the pool in
 * time, the connection was refused, or it broke in the middle of a statement. An outage, not an answer:
 * it says nothing about the request, so it is waited out and retried, never turned into an outcome. A
 * write that failed this way may or may not have happened; whoever retries it reads the target first.
 *
 * <p>Deliberately not a {@link WarehouseException} (the warehouse's refusal of a statement): code that
 * handles refusals cannot swallow an outage by accident.
 */
public class WarehouseUnavailableException extends OutageException {

  public WarehouseUnavailableException(String message, Throwable cause) {
    super(Dependency.WAREHOUSE, message, cause);
  }
}
