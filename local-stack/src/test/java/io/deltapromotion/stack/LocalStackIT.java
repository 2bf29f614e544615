package io.deltapromotion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher itself, with a real Kafka broker on free ports in a throw-away run directory. */
class LocalStackIT {

  @TempDir
  Path runDirectory;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private LocalStack stack;

  @AfterEach
  void stopEverything() {
    if (stack != null) {
      stack.down(Set.of(Component.values()));
    }
  }

  @Test
  void givenAStoppedStackWhenUpThenUpAgainThenDownThenOneProcessRanAnsweringOnLoopbackOnlyAndIsGone() throws Exception {
    stack = stackOnFreePorts();

    List<Component> started = stack.up(Set.of(Component.KAFKA), null, Duration.ofMinutes(2));
    ComponentStatus running = kafkaStatus();
    List<Component> startedAgain = stack.up(Set.of(Component.KAFKA), null, Duration.ofMinutes(2));

    assertThat(started).containsExactly(Component.KAFKA);
    assertThat(startedAgain).isEmpty();
    assertThat(running.state()).isEqualTo(ComponentStatus.State.HEALTHY);
    assertThat(kafkaStatus().pid()).isEqualTo(running.pid());
    assertThat(Loopback.otherAddressesAccepting(stack.settings().kafkaPort())).isEmpty();
    long pid = running.pid().getAsLong();

    stack.down(Set.of(Component.KAFKA));

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    assertThat(kafkaStatus().state()).isEqualTo(ComponentStatus.State.STOPPED);
    assertThat(Probes.isFree(StackSettings.HOST, stack.settings().kafkaPort())).isTrue();
  }

  @Test
  void givenAForeignProcessOnTheKafkaPortWhenUpThenItRefusesWithTheReasonAndStartsNothing() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      stack = new LocalStack(settings(squatter.getLocalPort(), freePort()), new PrintStream(output));

      assertThatThrownBy(() -> stack.up(Set.of(Component.KAFKA), null, Duration.ofMinutes(1)))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("port " + squatter.getLocalPort())
          .hasMessageContaining("is taken");
      assertThat(kafkaStatus().state()).isEqualTo(ComponentStatus.State.STOPPED);
    }
  }

  private ComponentStatus kafkaStatus() {
    return stack.status().stream().filter(status -> status.component() == Component.KAFKA).findFirst().orElseThrow();
  }

  private LocalStack stackOnFreePorts() throws IOException {
    return new LocalStack(settings(freePort(), freePort()), new PrintStream(output));
  }

  private StackSettings settings(int kafkaPort, int controllerPort) {
    Path repository = StackSettings.findRepository(Path.of(""));
    return StackSettings.resolve(repository, runDirectory, key -> null, Map.of(
        "STACK_KAFKA_PORT", String.valueOf(kafkaPort),
        "STACK_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
