package io.deltapromotion.infrastructure.warehouse;

/** The warehouse failed or refused a statement; the message carries its own error text. */
public class WarehouseException extends RuntimeException {

  private final String sqlState;

  public WarehouseException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE the driver reported, or null. */
  public String sqlState() {
    return sqlState;
  }

  /** The table (or its schema) does not exist. */
  public static final class TableNotFound extends WarehouseException {
    public TableNotFound(String message, String sqlState, Throwable cause) {
      super(message, sqlState, cause);
    }
  }

  /** The table exists but not at that version (never reached, or its files were vacuumed). */
  public static final class VersionNotFound extends WarehouseException {
    public VersionNotFound(String message, String sqlState, Throwable cause) {
      super(message, sqlState, cause);
    }
  }

  /** This warehouse cannot do the operation at all (e.g. DEEP CLONE on open-source Delta). */
  public static final class Unsupported extends WarehouseException {
    public Unsupported(String message) {
      super(message, null, null);
    }
  }
}
