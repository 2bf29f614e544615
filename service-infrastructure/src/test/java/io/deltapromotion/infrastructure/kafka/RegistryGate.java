package io.deltapromotion.infrastructure.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test peer: an HTTP proxy in front of the real schema registry that can be shut, so that a test can
 * make the registry unavailable (503, as a registry whose storage is down answers) and bring it back,
 * without stopping the registry other tests use.
 */
final class RegistryGate implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive");

  private final URI registry;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean open = new AtomicBoolean(true);

  RegistryGate(String registryUrl) throws IOException {
    this.registry = URI.create(registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The registry URL to configure clients with: the same API, through the gate. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + registry.getPath();
  }

  void shut() {
    open.set(false);
  }

  void open() {
    open.set(true);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try {
      if (!open.get()) {
        reply(exchange, 503, "{\"error_code\":50301,\"message\":\"the test shut the registry\"}".getBytes());
        return;
      }
      String path = exchange.getRequestURI().getRawPath().substring(registry.getPath().length());
      String query = exchange.getRequestURI().getRawQuery();
      URI target = URI.create(registry.getScheme() + "://" + registry.getAuthority() + registry.getPath() + path
          + (query == null ? "" : "?" + query));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(target)
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
      reply(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
