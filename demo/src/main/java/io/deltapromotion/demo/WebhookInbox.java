package io.deltapromotion.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Slack-compatible incoming webhook on 127.0.0.1 that keeps what it is sent. */
public final class WebhookInbox implements AutoCloseable {

  private final HttpServer server;
  private final List<String> messages = new ArrayList<>();

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
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts";
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
