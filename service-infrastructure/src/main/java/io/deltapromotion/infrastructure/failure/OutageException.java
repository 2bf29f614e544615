package io.deltapromotion.infrastructure.failure;

/**
 * A dependency could not be reached or stopped answering. It says nothing about the request, so the work
 * is waited out and retried, never dead-lettered and never turned into a final outcome.
 */
public class OutageException extends RuntimeException {

  private final Dependency dependency;

  public OutageException(Dependency dependency, String message, Throwable cause) {
    super(message, cause);
    this.dependency = dependency;
  }

  public Dependency dependency() {
    return dependency;
  }
}
