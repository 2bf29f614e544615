package io.deltapromotion.notifier.lineage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenLineage HTTP endpoint on loopback, as Marquez serves it ({@code POST /api/v1/lineage}, 201): keeps
 * each event posted with its Authorization header, and answers whatever status it is told to.
 */
final class LineageInbox implements AutoCloseable {

  /** One post. */
  record Post(String body, String authorization) {}

  private final HttpServer server;
  private final List<Post> posts = new ArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(201);

  LineageInbox() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/lineage", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = answer.get();
      if (status / 100 == 2 && "POST".equals(exchange.getRequestMethod())) {
        synchronized (posts) {
          posts.add(new Post(body, exchange.getRequestHeaders().getFirst("Authorization")));
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(int status) {
    answer.set(status);
  }

  List<Post> posts() {
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
