package io.deltapromotion.registry;

import io.deltapromotion.infrastructure.warehouse.InvalidIdentifierException;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What {@code bin/registry} was asked: which tables, as of when, printed how, from which cluster.
 * Validated here, so a bad argument is a usage error naming it.
 *
 * @param table only this pre-prod table; null for all
 * @param stage only tables that reached this stage; null for all
 * @param release only tables of this release; null for all
 * @param at the log as it stood at this instant (events that occurred later are left out); null for now
 * @param registryService the registry-service to ask first; null to rebuild from the topics at once
 */
public record RegistryQuery(String table, String stage, String release, Instant at, RegistryFormat output,
    String bootstrapServers, String schemaRegistryUrl, URI registryService) {

  static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
  static final String DEFAULT_SCHEMA_REGISTRY = "http://127.0.0.1:8081/apis/ccompat/v7";
  static final URI DEFAULT_REGISTRY_SERVICE = URI.create("http://127.0.0.1:8095");

  public RegistryQuery {
    if (table != null) {
      try {
        table = TableName.parse(table).toString();
      } catch (InvalidIdentifierException e) {
        throw new IllegalArgumentException("--table: " + e.getMessage());
      }
    }
    if (stage != null && !stage.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("--stage must be a stage name (letters, digits, _ or -), got '" + stage + "'");
    }
    if (release != null && release.isBlank()) {
      throw new IllegalArgumentException("--release must not be blank");
    }
    if (output == null) {
      output = RegistryFormat.TEXT;
    }
  }

  /**
   * The query from the command line's values as given (text, validated here): the cluster defaults to
   * the local stack's.
   */
  static RegistryQuery of(String table, String stage, String release, String at, String output, String registryService,
      String bootstrapServers, String schemaRegistryUrl) {
    boolean otherCluster = bootstrapServers != null;
    return new RegistryQuery(table, stage, release, at == null ? null : instant(at),
        output == null ? RegistryFormat.TEXT : RegistryFormat.parse(output),
        otherCluster ? bootstrapServers : DEFAULT_BOOTSTRAP,
        schemaRegistryUrl != null ? schemaRegistryUrl : DEFAULT_SCHEMA_REGISTRY,
        registryService(registryService, otherCluster));
  }

  /** The local registry-service follows the local stack: it is not asked about another cluster unless named. */
  private static URI registryService(String value, boolean otherCluster) {
    if (value == null) {
      return otherCluster ? null : DEFAULT_REGISTRY_SERVICE;
    }
    if (value.equals("none")) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) address");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--registry-service must be an http(s) address or none, got '" + value + "'");
    }
  }

  /** Whether the entry is one of the tables asked for. */
  public boolean matches(RegistryEntry entry) {
    return (table == null || table.equals(entry.sourceTable()))
        && (stage == null || entry.stageVersions().containsKey(stage))
        && (release == null || release.equals(entry.releaseTag()));
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--at must be an instant such as 2026-11-24T09:00:00Z, got '" + value + "'");
    }
  }
}
