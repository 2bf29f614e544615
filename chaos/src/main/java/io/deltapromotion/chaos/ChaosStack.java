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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's own stack: broker, registry, lakehouse and the four services, as processes on ports of
 * their own under a run directory of its own, so that faults never touch a stack someone else uses.
 * Further instances of the services ({@link #EXTRA_INSTANCES} at most) run as service stacks of their own
 * over the same servers, numbered from 1 (instance 0 is the first stack's). Processes are signalled by
 * the PIDs the stack recorded, never by name.
 */
final class ChaosStack implements AutoCloseable {

  static final Set<Component> SERVERS = EnumSet.of(Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /** Instances of a service beyond the first that the suite may run. */
  static final int EXTRA_INSTANCES = 2;

  private final StackSettings settings;
  private final LocalStack stack;
  private final List<StackSettings> extraSettings = new ArrayList<>();
  private final List<LocalStack> extras = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ChaosStack(Path repository, Path runDirectory, int portBase, PrintStream log) {
    this.settings = new StackSettings(repository, runDirectory, portBase, portBase + 1, portBase + 4, portBase + 2,
        portBase + 3, portBase + 11);
    this.stack = new LocalStack(settings, log);
    for (int instance = 1; instance <= EXTRA_INSTANCES; instance++) {
      StackSettings extra = settings.withServices(runDirectory.resolve("instance-" + instance), portBase + 11 + 10 * instance);
      extraSettings.add(extra);
      extras.add(new LocalStack(extra, log));
    }
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

  /** Starts the given instance (0: the first) of each service. */
  void start(int instance, Component... services) {
    stackOf(instance).up(List.of(services), ProcessHandle.current().pid(), START_TIMEOUT);
  }

  void stop(int instance, Component... services) {
    stackOf(instance).down(List.of(services));
  }

  /** The instances of the service that run now. */
  List<Integer> running(Component service) {
    List<Integer> running = new ArrayList<>();
    for (int instance = 0; instance <= EXTRA_INSTANCES; instance++) {
      int index = instance;
      if (stackOf(instance).status().stream().anyMatch(status -> status.component() == service && status.pid().isPresent())) {
        running.add(index);
      }
    }
    return running;
  }

  /** SIGKILL: the process gets no chance to finish anything. */
  void kill(Component component) {
    kill(component, 0);
  }

  void kill(Component component, int instance) {
    ProcessHandle process = process(component, instance);
    process.destroyForcibly();
    process.onExit().join();
  }

  /** SIGSTOP: the process keeps its sockets open and answers nothing until thawed. */
  void freeze(Component component) {
    signal(component, 0, "-STOP");
  }

  void freeze(Component component, int instance) {
    signal(component, instance, "-STOP");
  }

  void thaw(Component component) {
    signal(component, 0, "-CONT");
  }

  void thaw(Component component, int instance) {
    signal(component, instance, "-CONT");
  }

  /** The service answers its health check with UP (the overall status, which closes the answer). */
  boolean healthy(Component service) {
    return healthy(service, 0);
  }

  boolean healthy(Component service, int instance) {
    return health(service, instance).map(body -> body.strip().endsWith("\"status\":\"UP\"}")).orElse(false);
  }

  Optional<String> health(Component service) {
    return health(service, 0);
  }

  Optional<String> health(Component service, int instance) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settingsOf(instance).endpoint(service)
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

  Path log(Component component, int instance) {
    return stackOf(instance).logFile(component);
  }

  /** Writes a service's own settings, which the stack hands every instance of it at start. */
  void configure(Component service, String yaml) {
    try {
      for (int instance = 0; instance <= EXTRA_INSTANCES; instance++) {
        Path directory = settingsOf(instance).componentDirectory(service);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("application.yml"), yaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LocalStack stackOf(int instance) {
    return instance == 0 ? stack : extras.get(instance - 1);
  }

  private StackSettings settingsOf(int instance) {
    return instance == 0 ? settings : extraSettings.get(instance - 1);
  }

  private ProcessHandle process(Component component, int instance) {
    ComponentStatus status = stackOf(instance).status().stream().filter(candidate -> candidate.component() == component)
        .findFirst().orElseThrow();
    long pid = status.pid().orElseThrow(() -> new IllegalStateException(component.id() + " is not running"));
    return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component.id() + " (pid " + pid + ") is gone"));
  }

  private void signal(Component component, int instance, String signal) {
    long pid = process(component, instance).pid();
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
    extras.forEach(extra -> extra.down(Component.services()));
    stack.down(EnumSet.allOf(Component.class));
  }
}
