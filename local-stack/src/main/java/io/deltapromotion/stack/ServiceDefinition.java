package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of the Spring Boot services, run from its executable jar and wired to this stack's servers
 * by command-line arguments (which win over any configuration file) and, for its Kafka credentials (those of
 * the principal named like the service), by a file readable only by its owner. Several instances of a service run
 * as several stacks of services over the same servers ({@link StackSettings#withServices}). Service-specific settings (what
 * the detector watches, where alerts go) come from an optional {@code application.yml} in the service's
 * run directory, which whoever starts the stack (the demo, a test) writes.
 */
final class ServiceDefinition implements ComponentDefinition {

  static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
  static final String CONFIG_FILE = "application.yml";
  /** The service's Kafka credentials, as Spring Boot properties (kept out of its command line). */
  static final String KAFKA_CREDENTIALS_FILE = "kafka-credentials.properties";

  private final Component component;

  ServiceDefinition(Component component) {
    this.component = component;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public ProcessSpec prepare(StackSettings settings, Path dir, Path log) throws IOException {
    List<String> jvm = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    Path credentials = dir.resolve(KAFKA_CREDENTIALS_FILE);
    StringBuilder springKafka = new StringBuilder("# The Kafka principal ").append(component.id())
        .append(" of this stack; written by local-stack on every start.\n");
    settings.springKafka(component.id()).forEach((key, value) -> springKafka.append(key).append('=')
        .append(value.replace("\\", "\\\\")).append('\n'));
    PrivateFiles.write(credentials, springKafka.toString());
    List<String> arguments = List.of(
        "--server.address=" + StackSettings.HOST,
        "--server.port=" + settings.port(component),
        "--spring.kafka.properties.schema.registry.url=" + settings.schemaRegistryUrl(),
        "--deltapromotion.warehouse.jdbc-url=" + settings.lakehouseJdbcUrl(),
        // Stable across restarts of this instance (which fences its previous life), different for every
        // instance of the service (their ports differ), as Kafka transactions require.
        "--deltapromotion.events.transactional-id=" + component.id() + "-" + settings.port(component),
        "--spring.config.additional-location=file:" + credentials + ",optional:file:" + dir.resolve(CONFIG_FILE));
    return new ProcessSpec(List.of(executableJar(settings).toString()), jvm, SPRING_BOOT_LAUNCHER, arguments);
  }

  @Override
  public boolean answers(StackSettings settings) {
    try {
      ServiceHealth.of(settings.port(component));
      return true;
    } catch (IllegalStateException notHealthy) {
      return false;
    }
  }

  private Path executableJar(StackSettings settings) throws IOException {
    Path target = settings.repository().resolve(component.module()).resolve("target");
    List<Path> jars;
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
    }
    if (jars.size() != 1) {
      throw new StackException(component.module() + " is not built (expected one jar in " + target + ", found "
          + jars.size() + "). Run: mvn -B -DskipTests -pl " + component.module() + " -am package");
    }
    return jars.get(0);
  }
}
