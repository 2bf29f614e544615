package io.deltapromotion.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (v1 media type), as served by Confluent's registry
 * and by Apicurio's ccompat API. Base URLs are tried in order until one answers; answers are cached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(List<URI> baseUrls, Optional<String> credentials) {
    this.baseUrls = List.copyOf(baseUrls);
    this.authorization = credentials.map(userInfo ->
        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).computeIfAbsent(schema, key -> {
      JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
          "register a schema under subject " + subject);
      return rememberId(answer.path("id").asInt(), schema);
    });
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).computeIfAbsent(schema, key -> {
      JsonNode answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema),
          "look up the id of a schema under subject " + subject);
      return rememberId(answer.path("id").asInt(), schema);
    });
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      JsonNode answer = call("GET", "/schemas/ids/" + id, null, "fetch schema id " + id);
      String text = answer.path("schema").asText(null);
      if (text == null) {
        throw new SchemaRegistryException("the registry's answer for schema id " + id + " has no schema: " + answer);
      }
      try {
        return new Schema.Parser().parse(text);
      } catch (RuntimeException e) {
        throw new SchemaRegistryException("schema id " + id + " is not a valid Avro schema: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    call("PUT", "/config/" + encode(subject), body, "set the compatibility of subject " + subject);
  }

  private int rememberId(int id, Schema schema) {
    if (id <= 0) {
      throw new SchemaRegistryException("the registry answered without a schema id");
    }
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private JsonNode call(String method, String path, JsonNode body, String purpose) {
    String lastFailure = "no URL configured";
    Exception lastCause = null;
    for (URI base : baseUrls) {
      URI uri = URI.create(base + path);
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(REQUEST_TIMEOUT)
          .header("Accept", MEDIA_TYPE + ", application/json")
          .method(method, body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", MEDIA_TYPE);
      }
      authorization.ifPresent(value -> request.header("Authorization", value));
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (isUnavailable(response.statusCode())) {
          lastFailure = uri + " answered HTTP " + response.statusCode() + ": " + abbreviate(response.body());
          lastCause = null;
          continue;
        }
        return answer(uri, response, purpose);
      } catch (IOException e) {
        lastFailure = describe(e);
        lastCause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("interrupted while trying to " + purpose, e);
      }
    }
    throw new SchemaRegistryException.Unreachable("could not " + purpose + ": no schema registry answered at "
        + baseUrls + " (" + lastFailure + ")", lastCause);
  }

  /** The registry is there but cannot serve now (overloaded, starting, its storage down): an outage. */
  private static boolean isUnavailable(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  private static JsonNode answer(URI uri, HttpResponse<String> response, String purpose) {
    int status = response.statusCode();
    JsonNode json;
    try {
      json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException("could not " + purpose + ": " + uri + " answered HTTP " + status
          + " with a body that is not JSON: " + abbreviate(response.body()));
    }
    if (status >= 200 && status < 300) {
      return json;
    }
    String detail = "HTTP " + status + ", error code " + json.path("error_code").asText("none") + ": "
        + json.path("message").asText(abbreviate(response.body()));
    String message = "could not " + purpose + ": the registry at " + uri + " answered " + detail;
    throw switch (status) {
      case 409 -> new SchemaRegistryException.Incompatible(
          "could not " + purpose + ": the registry rejected the schema as incompatible with the subject's "
              + "earlier versions (" + detail + ")");
      case 404 -> new SchemaRegistryException.NotFound(message);
      case 401, 403 -> new SchemaRegistryException(message + " (check basic.auth.user.info)");
      default -> new SchemaRegistryException(message);
    };
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String describe(IOException failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }
}
