package io.deltapromotion.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.deltapromotion.stack.Loopback;
import io.deltapromotion.stack.ServiceHealth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotifierServiceStartsTest {

  @LocalServerPort
  int port;

  @Test
  void givenTheServiceWhenItStartsThenItReportsHealthyOnLoopbackAndNowhereElse() {
    assertThat(ServiceHealth.of(port)).contains("\"status\":\"UP\"");
    assumeFalse(Loopback.otherAddresses().isEmpty(), "this machine has no address besides loopback");
    assertThat(Loopback.otherAddressesAccepting(port)).isEmpty();
  }
}
