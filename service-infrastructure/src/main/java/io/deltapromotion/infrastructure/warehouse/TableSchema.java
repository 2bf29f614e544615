package io.deltapromotion.infrastructure.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a table at one version, in order. */
public record TableSchema(List<Column> columns) {

  public TableSchema {
    columns = List.copyOf(columns);
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * SHA-256 (hex) of the schema's canonical form: each column's lower-cased name, type and
   * nullability, in order. Comments do not count: they do not change what the data is.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    for (Column column : columns) {
      canonical.append(column.name().toLowerCase(Locale.ROOT)).append(' ').append(column.type())
          .append(column.nullable() ? " null" : " not null").append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
