package io.deltapromotion.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Sends commands to the promoter's {@code /api/v1/commands/{command}} endpoint. */
final class PromoterClient {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  PromoterClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  Answer send(String command, Map<String, Object> body, boolean dryRun) {
    URI uri = URI.create(base + "/api/v1/commands/" + command + (dryRun ? "?dry-run=true" : ""));
    return exchange(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** GETs a read-only view under the command endpoint, e.g. {@code rebaseline} for the rebaselines' progress. */
  Answer read(String path) {
    return exchange(HttpRequest.newBuilder(URI.create(base + "/api/v1/commands/" + path)).GET());
  }

  private Answer exchange(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UnreachableException("cannot reach the promoter at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while waiting for the promoter", e);
    }
    return new Answer(response.statusCode(), parse(response));
  }

  private static JsonNode parse(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (JacksonException notJson) {
      // answered below with the raw text
    }
    return JSON.createObjectNode().put("error", "HTTP " + response.statusCode() + " without a JSON answer: "
        + response.body().strip());
  }

  /** The promoter did not answer at all. */
  static final class UnreachableException extends RuntimeException {
    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
