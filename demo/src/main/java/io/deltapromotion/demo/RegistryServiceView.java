package io.deltapromotion.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What registry-service answers over HTTP: the version each table holds in a stage. */
final class RegistryServiceView {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RegistryServiceView(String endpoint) {
    this.base = URI.create(endpoint);
  }

  /**
   * Asks {@code /api/v1/status} until every table holds at least the expected version in the stage, or
   * the timeout passes; answers the versions held at the last answer (null for none).
   */
  Map<String, Long> awaitHeld(String stage, Map<String, Long> expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Long> held = Map.of();
    while (true) {
      held = held(stage, String.join(",", expected.keySet()));
      Map<String, Long> seen = held;
      boolean all = expected.entrySet().stream()
          .allMatch(table -> seen.get(table.getKey()) != null && seen.get(table.getKey()) >= table.getValue());
      if (all || Instant.now().isAfter(deadline)) {
        return held;
      }
      Demo.pause(Duration.ofMillis(500));
    }
  }

  private Map<String, Long> held(String stage, String tables) {
    URI uri = URI.create(base + "/api/v1/status?stage=" + URLEncoder.encode(stage, StandardCharsets.UTF_8)
        + "&tables=" + URLEncoder.encode(tables, StandardCharsets.UTF_8));
    Map<String, Long> held = new LinkedHashMap<>();
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return held; // 503 while it replays the log
      }
      for (JsonNode entry : JSON.readTree(response.body()).path("tables")) {
        JsonNode version = entry.path("holding").path("version");
        held.put(entry.path("table").asString(), version.isNumber() ? version.asLong() : null);
      }
      return held;
    } catch (IOException notAnswering) {
      return held;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking registry-service", e);
    }
  }
}
