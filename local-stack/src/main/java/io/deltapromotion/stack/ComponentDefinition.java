package io.deltapromotion.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the launcher needs to know about one server. */
interface ComponentDefinition {

  Component component();

  /** Writes configuration and initialises storage if needed, then says how to start the server. */
  ProcessSpec prepare(StackSettings settings, Path componentDirectory, Path log) throws IOException;

  /** The server at the configured port answers its protocol. */
  boolean answers(StackSettings settings);

  /** A line the server logs once it is ready for clients, beyond answering the probe. */
  default Optional<String> readyLogLine() {
    return Optional.empty();
  }

  /**
   * Runs once the server started by this stack answers, before anything that depends on it starts (the
   * broker gives every principal its credentials and ACLs here).
   */
  default void afterStart(StackSettings settings, Path componentDirectory, Path log) {}

  /** Ports the server binds besides its main one. */
  default List<Integer> extraPorts(StackSettings settings) {
    return List.of();
  }

  static ComponentDefinition of(Component component) {
    return switch (component) {
      case KAFKA -> new KafkaDefinition();
      case SCHEMA_REGISTRY -> new SchemaRegistryDefinition();
      case LAKEHOUSE -> new LakehouseDefinition();
      case DETECTOR, QC, PROMOTER, NOTIFIER, REGISTRY -> new ServiceDefinition(component);
    };
  }

  /** The classpath a module's build wrote to target/runtime-classpath.txt. */
  static List<String> builtClasspath(StackSettings settings, Component component) {
    return builtClasspath(settings, component.module());
  }

  /** The classpath a module's build wrote to target/runtime-classpath.txt. */
  static List<String> builtClasspath(StackSettings settings, String module) {
    Path file = builtArtifact(settings, module, "runtime-classpath.txt");
    try {
      return Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path builtArtifact(StackSettings settings, Component component, String relativeToTarget) {
    return builtArtifact(settings, component.module(), relativeToTarget);
  }

  static Path builtArtifact(StackSettings settings, String module, String relativeToTarget) {
    Path path = settings.repository().resolve(module).resolve("target").resolve(relativeToTarget);
    if (!Files.exists(path)) {
      throw new StackException(module + " is not built (missing " + path + "). Run bin/stack up, "
          + "which builds it, or: mvn -B -DskipTests -pl " + module + " -am package");
    }
    return path;
  }
}
