package io.deltapromotion.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.deltapromotion.stack.Loopback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DetectorServiceStartsTest {

  @LocalServerPort
  int port;

  @Test
  void givenTheServiceWhenItStartsThenItReportsHealthyOnLoopback() throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void givenTheServiceWhenItStartsThenNoOtherAddressOfThisMachineReachesIt() {
    assumeFalse(Loopback.otherAddresses().isEmpty(), "this machine has no address besides loopback");

    assertThat(Loopback.otherAddressesAccepting(port)).isEmpty();
  }
}
