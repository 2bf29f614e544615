package io.deltapromotion.infrastructure.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for images that carry no shell and no curl: exits 0 when the URL answers
 * HTTP 200 within five seconds, 1 otherwise. Used as
 * {@code java -cp "/app/libs/*" io.deltapromotion.infrastructure.health.ContainerHealthCheck <url>}
 * (Spring Boot's readiness group answers 200 when ready, 503 when not).
 */
public final class ContainerHealthCheck {

  private ContainerHealthCheck() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ContainerHealthCheck <http-url>");
      System.exit(2);
    }
    System.exit(isHealthy(URI.create(args[0])) ? 0 : 1);
  }

  static boolean isHealthy(URI url) {
    Duration timeout = Duration.ofSeconds(5);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(timeout).build()
          .send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      System.err.println(url + ": " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
