package io.deltapromotion.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook the notifier posts to: a Slack-compatible receiver on 127.0.0.1 that keeps every delivery
 * with the alert key the notifier sends along ({@code X-Alert-Key}), so the suite can count alerts sent twice.
 */
final class AlertCounter implements AutoCloseable {

  /** One delivery. */
  record Delivery(Instant at, String key, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new ArrayList<>();

  AlertCounter() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/alerts", exchange -> {
      try (InputStream body = exchange.getRequestBody(); OutputStream answer = exchange.getResponseBody()) {
        String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        synchronized (deliveries) {
          deliveries.add(new Delivery(Instant.now(), exchange.getRequestHeaders().getFirst("X-Alert-Key"), text));
        }
        exchange.sendResponseHeaders(200, 2);
        answer.write("ok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts";
  }

  List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
