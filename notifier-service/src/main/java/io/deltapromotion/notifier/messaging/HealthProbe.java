package io.deltapromotion.notifier.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltapromotion.notifier.domain.Watchdog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's {@code /actuator/health}: whether it answers, and the work its {@code outages}
 * component reports held up.
 */
final class HealthProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;

  HealthProbe(HttpClient http) {
    this.http = http;
  }

  Watchdog.Observation look(String service, URI baseUrl) {
    URI health = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/actuator/health");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Watchdog.Observation(service, true, heldUp(JSON.readTree(response.body())));
    } catch (IOException e) {
      return new Watchdog.Observation(service, false, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Watchdog.Observation(service, false, List.of());
    }
  }

  private static List<Watchdog.HeldUp> heldUp(JsonNode health) {
    List<Watchdog.HeldUp> held = new ArrayList<>();
    for (JsonNode work : health.path("components").path("outages").path("details").path("heldUp")) {
      held.add(new Watchdog.HeldUp(work.path("work").asText(), work.path("waitingFor").asText(),
          Instant.parse(work.path("since").asText()), work.path("lastError").asText()));
    }
    return held;
  }
}
