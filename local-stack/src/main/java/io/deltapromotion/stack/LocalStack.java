package io.deltapromotion.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts, checks and stops the servers of the local stack. Each server runs as its own JVM with its
 * data, log and PID file under {@code <run-dir>/<component>/}. A server already answering at its port
 * is reused, never started twice; {@code down} stops only processes whose PID file this stack wrote,
 * after checking the PID still belongs to the same process.
 */
public final class LocalStack {

  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 250;

  private final StackSettings settings;
  private final PrintStream out;

  public LocalStack(StackSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public StackSettings settings() {
    return settings;
  }

  /**
   * Brings the components up and waits until each answers. Idempotent: running servers are reused. The
   * broker comes first when it is among them, so that its principals have their credentials and ACLs
   * before any service connects.
   *
   * @param parentPid if set, servers started now exit when that process ends (used by tests)
   * @return the components this call started (not the ones it found running)
   */
  public List<Component> up(Collection<Component> components, Long parentPid, Duration timeout) {
    EnumSet<Component> rest = EnumSet.copyOf(components);
    List<Component> started = new ArrayList<>();
    if (rest.remove(Component.KAFKA)) {
      started.addAll(upTogether(EnumSet.of(Component.KAFKA), parentPid, timeout));
      if (started.contains(Component.KAFKA)) {
        ComponentDefinition.of(Component.KAFKA).afterStart(settings, settings.componentDirectory(Component.KAFKA),
            logFile(Component.KAFKA));
        out.printf("%-16s principals' credentials and ACLs in place (client settings in %s)%n", Component.KAFKA.id(),
            settings.kafkaCredentialsDirectory());
      }
    }
    if (!rest.isEmpty()) {
      started.addAll(upTogether(rest, parentPid, timeout));
    }
    return started;
  }

  private List<Component> upTogether(EnumSet<Component> components, Long parentPid, Duration timeout) {
    Map<Component, ProcessHandle> waiting = new LinkedHashMap<>();
    List<Component> started = new ArrayList<>();
    for (Component component : components) {
      ComponentDefinition definition = ComponentDefinition.of(component);
      Path dir = createDirectories(settings.componentDirectory(component));
      Optional<ProcessHandle> own = ProcessRecord.read(dir).flatMap(ProcessRecord::liveProcess);
      if (own.isPresent()) {
        waiting.put(component, own.get());
        continue;
      }
      ProcessRecord.delete(dir);
      if (definition.answers(settings)) {
        out.printf("%-16s reusing the server already answering at %s (not started by this stack)%n",
            component.id(), settings.endpoint(component));
        continue;
      }
      requireFreePorts(definition);
      waiting.put(component, start(definition, dir, parentPid));
      started.add(component);
    }
    awaitAnswers(waiting, started, timeout);
    return started;
  }

  /**
   * Stops the given components if this stack started them; returns those it stopped. The services stop
   * together (each shuts down on its own), then the servers one by one in reverse start order, so that no
   * service loses its broker or warehouse while it shuts down.
   */
  public List<Component> down(Collection<Component> components) {
    List<Component> reverse = new ArrayList<>(EnumSet.copyOf(components));
    reverse.sort(Comparator.reverseOrder());
    List<Component> stopped = new ArrayList<>(stopTogether(reverse.stream().filter(Component::isService).toList()));
    for (Component server : reverse.stream().filter(component -> !component.isService()).toList()) {
      stopped.addAll(stopTogether(List.of(server)));
    }
    return stopped;
  }

  private List<Component> stopTogether(List<Component> components) {
    Map<Component, ProcessHandle> live = new LinkedHashMap<>();
    for (Component component : components) {
      Path dir = settings.componentDirectory(component);
      Optional<ProcessRecord> record = ProcessRecord.read(dir);
      record.flatMap(ProcessRecord::liveProcess).ifPresentOrElse(process -> live.put(component, process),
          () -> out.printf("%-16s not running%n", component.id()));
    }
    Map<ProcessHandle, List<ProcessHandle>> descendants = new LinkedHashMap<>();
    live.values().forEach(process -> descendants.put(process, process.descendants().toList()));
    live.values().forEach(ProcessHandle::destroy);
    for (Map.Entry<Component, ProcessHandle> entry : live.entrySet()) {
      awaitExit(entry.getValue(), descendants.get(entry.getValue()));
      out.printf("%-16s stopped (pid %d)%n", entry.getKey().id(), entry.getValue().pid());
    }
    for (Component component : components) {
      Path dir = settings.componentDirectory(component);
      if (ProcessRecord.read(dir).isPresent()) {
        ProcessRecord.delete(dir);
      }
    }
    return List.copyOf(live.keySet());
  }

  public List<ComponentStatus> status() {
    List<ComponentStatus> statuses = new ArrayList<>();
    for (Component component : Component.values()) {
      ComponentDefinition definition = ComponentDefinition.of(component);
      Path dir = settings.componentDirectory(component);
      Optional<ProcessHandle> own = ProcessRecord.read(dir).flatMap(ProcessRecord::liveProcess);
      boolean answers = definition.answers(settings);
      ComponentStatus.State state = own.isPresent()
          ? (answers ? ComponentStatus.State.HEALTHY : ComponentStatus.State.NOT_ANSWERING)
          : (answers ? ComponentStatus.State.EXTERNAL : ComponentStatus.State.STOPPED);
      OptionalLong pid = own.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
      statuses.add(new ComponentStatus(component, state, pid, settings.endpoint(component), logFile(component)));
    }
    return statuses;
  }

  public Path logFile(Component component) {
    return settings.componentDirectory(component).resolve(component.id() + ".log");
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private ProcessHandle start(ComponentDefinition definition, Path dir, Long parentPid) {
    Component component = definition.component();
    Path log = logFile(component);
    try {
      Files.writeString(log, "---- " + Instant.now() + " local-stack starting " + component.id() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessSpec spec = definition.prepare(settings, dir, log);
      ProcessBuilder builder = new ProcessBuilder(spec.command(javaExecutable(), parentPid))
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().remove("CLASSPATH");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      ProcessHandle process = builder.start().toHandle();
      ProcessRecord.of(process).write(dir);
      out.printf("%-16s starting (pid %d, log %s)%n", component.id(), process.pid(), log);
      return process;
    } catch (IOException e) {
      throw new StackException("could not start " + component.id() + ": " + e.getMessage(), e);
    }
  }

  private void awaitAnswers(Map<Component, ProcessHandle> waiting, List<Component> started, Duration timeout) {
    Instant begin = Instant.now();
    Instant deadline = begin.plus(timeout);
    Map<Component, ProcessHandle> pending = new LinkedHashMap<>(waiting);
    while (!pending.isEmpty()) {
      for (var iterator = pending.entrySet().iterator(); iterator.hasNext(); ) {
        var entry = iterator.next();
        Component component = entry.getKey();
        if (!entry.getValue().isAlive()) {
          ProcessRecord.delete(settings.componentDirectory(component));
          throw new StackException(component.id() + " exited during start-up" + why(component) + "\nLast lines of "
              + logFile(component) + ":\n" + tail(logFile(component), 30));
        }
        if (isReady(component)) {
          if (started.contains(component)) {
            out.printf("%-16s up at %s (pid %d, %d s)%n", component.id(), settings.endpoint(component),
                entry.getValue().pid(), Duration.between(begin, Instant.now()).toSeconds());
          } else {
            out.printf("%-16s already running at %s (pid %d)%n", component.id(), settings.endpoint(component),
                entry.getValue().pid());
          }
          iterator.remove();
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StackException("timed out after " + timeout.toSeconds() + " s waiting for "
            + pending.keySet() + " to answer; see the logs under " + settings.runDirectory());
      }
      pause();
    }
  }

  /** Why the component's process died, as its log since its last start says; empty when it says nothing. */
  private String why(Component component) {
    String log = read(logFile(component));
    int lastStart = log.lastIndexOf("local-stack starting " + component.id());
    List<String> why = StartupFailure.explain(log.substring(Math.max(lastStart, 0)));
    return why.isEmpty() ? "." : ":\n  " + String.join("\n  ", why);
  }

  /** One of our processes is ready: it answers, and has logged its ready line since its last start. */
  private boolean isReady(Component component) {
    ComponentDefinition definition = ComponentDefinition.of(component);
    if (!definition.answers(settings)) {
      return false;
    }
    Optional<String> readyLine = definition.readyLogLine();
    return readyLine.isEmpty() || logSinceLastStartContains(component, readyLine.get());
  }

  private boolean logSinceLastStartContains(Component component, String line) {
    String log = read(logFile(component));
    int lastStart = log.lastIndexOf("local-stack starting " + component.id());
    return log.indexOf(line, Math.max(lastStart, 0)) >= 0;
  }

  private void requireFreePorts(ComponentDefinition definition) {
    List<Integer> ports = new ArrayList<>();
    ports.add(settings.port(definition.component()));
    ports.addAll(definition.extraPorts(settings));
    for (int port : ports) {
      if (!Probes.isFree(StackSettings.HOST, port)) {
        throw new StackException("cannot start " + definition.component().id() + ": port " + port
            + " on " + StackSettings.HOST + " is taken by a process that is not a " + definition.component().id()
            + " this stack can use. Stop it, or choose other ports (see bin/stack --help).");
      }
    }
  }

  /** Waits for a process that was asked to stop, killing it (and what it started) after the grace time. */
  private static void awaitExit(ProcessHandle process, List<ProcessHandle> descendants) {
    try {
      process.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static String tail(Path file, int lines) {
    List<String> all = read(file).lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while waiting for the stack", e);
    }
  }

  /** Deletes a stopped component's data so the next start is fresh (used by test-owned stacks). */
  void wipe(Component component) {
    Path dir = settings.componentDirectory(component);
    if (ProcessRecord.read(dir).flatMap(ProcessRecord::liveProcess).isPresent()) {
      throw new StackException("refusing to wipe " + component.id() + " while it runs");
    }
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
