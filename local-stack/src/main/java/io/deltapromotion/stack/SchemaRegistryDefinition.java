package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Apicurio Registry serving the Confluent Schema Registry API at /apis/ccompat/v7. Its storage is an
 * H2 file under the run directory, so schema ids survive a restart exactly as Kafka's data does: an
 * event written before {@code bin/stack down} still decodes after {@code bin/stack up}.
 */
final class SchemaRegistryDefinition implements ComponentDefinition {

  static final String MAIN_CLASS = "io.quarkus.runner.GeneratedMain";

  @Override
  public Component component() {
    return Component.SCHEMA_REGISTRY;
  }

  @Override
  public ProcessSpec prepare(StackSettings settings, Path dir, Path log) throws IOException {
    Path runner = runnerJar(settings);
    Path data = Files.createDirectories(dir.resolve("data"));
    List<String> jvm = List.of(
        "-Xms128m", "-Xmx320m", "-Djava.awt.headless=true",
        "-Djava.io.tmpdir=" + data,
        "-Dquarkus.http.host=" + StackSettings.HOST,
        "-Dquarkus.http.port=" + settings.schemaRegistryPort(),
        "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + data.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE",
        "-Dquarkus.datasource.jdbc.initial-size=2",
        "-Dquarkus.datasource.jdbc.min-size=2",
        "-Dquarkus.datasource.jdbc.max-size=16",
        "-Dquarkus.log.console.format=%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%c{3.}] %s%e%n");
    return new ProcessSpec(List.of(runner.toString()), jvm, MAIN_CLASS, List.of());
  }

  @Override
  public boolean answers(StackSettings settings) {
    return Probes.httpAnswers(settings.schemaRegistryUrl() + "/subjects");
  }

  private static Path runnerJar(StackSettings settings) throws IOException {
    Path target = ComponentDefinition.builtArtifact(settings, Component.SCHEMA_REGISTRY, "");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar"))
          .findFirst()
          .orElseThrow(() -> new StackException(Component.SCHEMA_REGISTRY.module()
              + " is not built (no *-runner.jar in " + target + "). Run bin/stack up, which builds it."));
    }
  }
}
