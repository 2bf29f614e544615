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

/** The launcher itself, with a real server (the schema registry) on a free port in a throw-away run directory. */
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

    List<Component> started = stack.up(Set.of(Component.SCHEMA_REGISTRY), null, Duration.ofMinutes(2));
    ComponentStatus running = registryStatus();
    List<Component> startedAgain = stack.up(Set.of(Component.SCHEMA_REGISTRY), null, Duration.ofMinutes(2));

    assertThat(started).containsExactly(Component.SCHEMA_REGISTRY);
    assertThat(startedAgain).isEmpty();
    assertThat(running.state()).isEqualTo(ComponentStatus.State.HEALTHY);
    assertThat(registryStatus().pid()).isEqualTo(running.pid());
    assertThat(Loopback.otherAddressesAccepting(stack.settings().schemaRegistryPort())).isEmpty();
    long pid = running.pid().getAsLong();

    stack.down(Set.of(Component.SCHEMA_REGISTRY));

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    assertThat(registryStatus().state()).isEqualTo(ComponentStatus.State.STOPPED);
    assertThat(Probes.isFree(StackSettings.HOST, stack.settings().schemaRegistryPort())).isTrue();
  }

  @Test
  void givenAForeignProcessOnTheRegistryPortWhenUpThenItRefusesWithTheReasonAndStartsNothing() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      stack = new LocalStack(settings(squatter.getLocalPort()), new PrintStream(output));

      assertThatThrownBy(() -> stack.up(Set.of(Component.SCHEMA_REGISTRY), null, Duration.ofMinutes(1)))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("port " + squatter.getLocalPort())
          .hasMessageContaining("is taken");
      assertThat(registryStatus().state()).isEqualTo(ComponentStatus.State.STOPPED);
    }
  }

  private ComponentStatus registryStatus() {
    return stack.status().stream().filter(status -> status.component() == Component.SCHEMA_REGISTRY).findFirst()
        .orElseThrow();
  }

  private LocalStack stackOnFreePorts() throws IOException {
    return new LocalStack(settings(freePort()), new PrintStream(output));
  }

  private StackSettings settings(int registryPort) {
    Path repository = StackSettings.findRepository(Path.of(""));
    return StackSettings.resolve(repository, runDirectory, key -> null, Map.of(
        "STACK_SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
