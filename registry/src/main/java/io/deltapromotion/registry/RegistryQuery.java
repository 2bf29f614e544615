package io.deltapromotion.registry;

import io.deltapromotion.infrastructure.warehouse.InvalidIdentifierException;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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

  public static final String USAGE = """
      usage: registry [--table SCHEMA.TABLE] [--stage STAGE] [--release TAG] [--at INSTANT]
                      [--output text|json|markdown] [--registry-service URL|none]
                      [bootstrap-servers [schema-registry-url]]

        --table             only this pre-prod table
        --stage             only the tables that reached this stage (e.g. prod)
        --release           only the tables of this release
        --at                as the log stood then: 2026-11-24T09:00:00Z, or with an offset (+01:00)
        --output            text (default), json for scripts, markdown for tickets and chat
        --registry-service  the registry-service to ask (default %s; none when a cluster is
                            given); when none answers there, or it is "none", the registry is rebuilt
                            from the topics (default %s, schema registry %s), read as the
                            principal of the Kafka client configuration $KAFKA_CLIENT_CONFIG names
      """.formatted(DEFAULT_REGISTRY_SERVICE, DEFAULT_BOOTSTRAP, DEFAULT_SCHEMA_REGISTRY);

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

  public static RegistryQuery parse(String[] args) {
    String table = null;
    String stage = null;
    String release = null;
    Instant at = null;
    RegistryFormat output = RegistryFormat.TEXT;
    String registryService = null;
    List<String> positional = new ArrayList<>();
    for (int index = 0; index < args.length; index++) {
      String option = args[index];
      if (!option.startsWith("--")) {
        positional.add(option);
        continue;
      }
      if (index + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++index];
      switch (option) {
        case "--table" -> table = value;
        case "--stage" -> stage = value;
        case "--release" -> release = value;
        case "--at" -> at = instant(value);
        case "--output" -> output = RegistryFormat.parse(value);
        case "--registry-service" -> registryService = value;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (positional.size() > 2) {
      throw new IllegalArgumentException("unexpected '" + positional.get(2) + "'");
    }
    return new RegistryQuery(table, stage, release, at, output,
        positional.size() > 0 ? positional.get(0) : DEFAULT_BOOTSTRAP,
        positional.size() > 1 ? positional.get(1) : DEFAULT_SCHEMA_REGISTRY,
        registryService(registryService, !positional.isEmpty()));
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
