package io.deltapromotion.schemas.serde;

/** The schema registry refused a request, or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * No registry URL answered, or those that did answered that they cannot serve now (HTTP 5xx, 408, 429):
   * an outage, which says nothing about the record or schema at hand.
   */
  public static final class Unreachable extends SchemaRegistryException {
    public Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The registry rejected a schema as incompatible with the subject's earlier versions (HTTP 409). */
  public static final class Incompatible extends SchemaRegistryException {
    public Incompatible(String message) {
      super(message);
    }
  }

  /** The subject, schema or id does not exist (HTTP 404). */
  public static final class NotFound extends SchemaRegistryException {
    public NotFound(String message) {
      super(message);
    }
  }
}
