package io.deltapromotion.infrastructure.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * One column of a {@link RecordTable}.
 *
 * @param name the column name
 * @param type its type
 * @param comment the column comment, set when the table is created
 */
public record RecordColumn(Identifier name, Type type, String comment) {

  /** The column types records use, and the Java type of their values. */
  public enum Type {
    STRING(String.class),
    BIGINT(Long.class),
    TIMESTAMP(Instant.class);

    private final Class<?> javaType;

    Type(Class<?> javaType) {
      this.javaType = javaType;
    }

    public Class<?> javaType() {
      return javaType;
    }
  }

  public RecordColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static RecordColumn of(String name, Type type, String comment) {
    return new RecordColumn(Identifier.of(name), type, comment);
  }
}
