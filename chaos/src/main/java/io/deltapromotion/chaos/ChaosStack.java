package io.deltapromotion.chaos;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.ComponentStatus;
import io.deltapromotion.stack.LocalStack;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's own stack: broker, registry, lakehouse and the four services, as processes on ports of
 * their own under a run directory of its own, so that faults never touch a stack someone else uses.
 * Processes are signalled by the PIDs the stack recorded, never by name.
 */
final class ChaosStack implements AutoCloseable {

  static final Set<Component> SERVERS = EnumSet.of(Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final StackSettings settings;
  private final LocalStack stack;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ChaosStack(Path repository, Path runDirectory, int portBase, PrintStream log) {
    this.settings = new StackSettings(repository, runDirectory, portBase, portBase + 1, portBase + 2, portBase + 3,
        portBase + 11);
    this.stack = new LocalStack(settings, log);
  }

  StackSettings settings() {
    return settings;
  }

  void start(Component... components) {
    stack.up(List.of(components), ProcessHandle.current().pid(), START_TIMEOUT);
  }

  void stop(Component... components) {
    stack.down(List.of(components));
  }

  /** SIGKILL: the process gets no chance to finish anything. */
  void kill(Component component) {
    ProcessHandle process = process(component);
    process.destroyForcibly();
    process.onExit().join();
  }

  /** SIGSTOP: the process keeps its sockets open and answers nothing until thawed. */
  void freeze(Component component) {
    signal(component, "-STOP");
  }

  void thaw(Component component) {
    signal(component, "-CONT");
  }

  /** The service answers its health check with UP (the overall status, which closes the answer). */
  boolean healthy(Component service) {
    return health(service).map(body -> body.strip().endsWith("\"status\":\"UP\"}")).orElse(false);
  }

  Optional<String> health(Component service) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.endpoint(service)
          + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(response.body());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  Path log(Component component) {
    return stack.logFile(component);
  }

  /** Writes a service's own settings, which the stack hands it at start. */
  void configure(Component service, String yaml) {
    try {
      Files.createDirectories(settings.componentDirectory(service));
      Files.writeString(settings.componentDirectory(service).resolve("application.yml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessHandle process(Component component) {
    ComponentStatus status = stack.status().stream().filter(candidate -> candidate.component() == component)
        .findFirst().orElseThrow();
    long pid = status.pid().orElseThrow(() -> new IllegalStateException(component.id() + " is not running"));
    return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component.id() + " (pid " + pid + ") is gone"));
  }

  private void signal(Component component, String signal) {
    long pid = process(component).pid();
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stack.down(EnumSet.allOf(Component.class));
  }
}
