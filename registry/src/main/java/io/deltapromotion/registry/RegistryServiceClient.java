package io.deltapromotion.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a running registry-service for every table ({@code GET /api/v1/tables}, with {@code at} for a
 * past instant) and turns its answer into registry entries: the same rows a rebuild from the topics
 * gives, without reading the topics.
 */
public final class RegistryServiceClient {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public RegistryServiceClient(URI base) {
    this.base = base;
  }

  /**
   * Every table as the service holds it; empty when no service answers there, or it is still reading
   * the log to its end (503), so the caller rebuilds from the topics instead.
   *
   * @throws IllegalStateException when a service answers something else than its tables
   */
  public Optional<List<RegistryEntry>> tables(Instant at) {
    String query = at == null ? "" : "?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/tables" + query)).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("registry-service at " + base + " could not be asked: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking registry-service at " + base, e);
    }
    if (response.statusCode() == 503) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registry-service at " + base + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return Optional.of(entries(MAPPER.readTree(response.body())));
  }

  /** The entries of an answer of {@code GET /api/v1/tables}. */
  static List<RegistryEntry> entries(JsonNode answer) {
    List<RegistryEntry> entries = new ArrayList<>();
    for (JsonNode table : answer.get("tables")) {
      Map<String, Long> stageVersions = new HashMap<>();
      JsonNode newestHop = null;
      for (JsonNode stage : table.get("stages")) {
        Long version = longOrNull(stage.get("version"));
        if (version != null) {
          stageVersions.put(stage.get("stage").asString(), version);
        }
        if (newestHop == null || Instant.parse(stage.get("statusAt").asString())
            .isAfter(Instant.parse(newestHop.get("statusAt").asString()))) {
          newestHop = stage;
        }
      }
      Long preprod = longOrNull(table.get("preprodVersion"));
      String verdict = textOrNull(table.get("verdict"));
      entries.add(new RegistryEntry(table.get("table").asString(), textOrNull(table.get("targetTable")),
          textOrNull(table.get("targetStage")), preprod, textOrNull(table.get("category")), stageVersions, verdict,
          verdict == null ? null : preprod,
          newestHop == null ? null : newestHop.get("status").asString(),
          newestHop == null ? null : longOrNull(newestHop.get("statusVersion")), textOrNull(table.get("release")),
          newestHop == null ? null : textOrNull(newestHop.get("error")),
          newestHop == null ? null : Instant.parse(newestHop.get("statusAt").asString())));
    }
    return entries;
  }

  private static Long longOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asLong();
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }
}
