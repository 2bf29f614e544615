package io.deltapromotion.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerHealthCheckTest {

  private final HttpServer server;
  private volatile int status = 200;

  ContainerHealthCheckTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/actuator/health/readiness", exchange -> {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI readiness() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness");
  }

  @Test
  void givenAReadyServiceThenTheCheckPasses() {
    assertThat(ContainerHealthCheck.isHealthy(readiness())).isTrue();
  }

  @Test
  void givenAServiceThatIsNotReadyThenTheCheckFails() {
    status = 503;
    assertThat(ContainerHealthCheck.isHealthy(readiness())).isFalse();
  }

  @Test
  void givenNothingListeningThenTheCheckFails() {
    server.stop(0);
    assertThat(ContainerHealthCheck.isHealthy(readiness())).isFalse();
  }
}
