package io.deltapromotion.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack-compatible incoming webhook and an OpenLineage endpoint (Marquez's {@code POST /api/v1/lineage})
 * on 127.0.0.1, keeping what they are sent.
 */
public final class WebhookInbox implements AutoCloseable {

  private final HttpServer server;
  private final List<String> messages = new ArrayList<>();
  private final List<String> lineageEvents = new ArrayList<>();

  public WebhookInbox(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/hooks/alerts", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        String message = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        synchronized (messages) {
          messages.add(message);
        }
      }
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.createContext("/api/v1/lineage", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        String event = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        synchronized (lineageEvents) {
          lineageEvents.add(event);
        }
      }
      exchange.sendResponseHeaders(201, -1);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts";
  }

  /** The OpenLineage endpoint's base URL (events are posted to /api/v1/lineage under it). */
  public String lineageUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The OpenLineage events posted, as JSON, in the order they came. */
  public List<String> lineageEvents() {
    synchronized (lineageEvents) {
      return List.copyOf(lineageEvents);
    }
  }

  public List<String> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
