package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spark with Delta Lake and the Thrift Server in one process that owns the Derby metastore. The Thrift
 * port opens only once Spark and the metastore are up; the server then logs a ready line after its
 * first JDBC session, which is the one that pays Hive's session initialisation.
 */
final class LakehouseDefinition implements ComponentDefinition {

  static final String MAIN_CLASS = "io.deltapromotion.stack.lakehouse.LakehouseServer";

  /** What Spark's own launcher opens on Java 17 (JavaModuleOptions), so Spark never trips over modules. */
  private static final List<String> ADD_OPENS = List.of(
      "java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.lang.reflect", "java.base/java.io",
      "java.base/java.net", "java.base/java.nio", "java.base/java.util", "java.base/java.util.concurrent",
      "java.base/java.util.concurrent.atomic", "java.base/jdk.internal.ref", "java.base/sun.nio.ch",
      "java.base/sun.nio.cs", "java.base/sun.security.action", "java.base/sun.util.calendar");

  @Override
  public Component component() {
    return Component.LAKEHOUSE;
  }

  @Override
  public ProcessSpec prepare(StackSettings settings, Path dir, Path log) throws IOException {
    List<String> classpath = new ArrayList<>();
    classpath.add(ComponentDefinition.builtArtifact(settings, Component.LAKEHOUSE, "classes").toString());
    classpath.addAll(ComponentDefinition.builtClasspath(settings, Component.LAKEHOUSE));
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(data.resolve("tmp"));
    // The embedded metastore (DataNucleus) calls System.gc() from the finalizer of every persistence
    // manager factory it drops, every few seconds under load: measured at 100 tables, a quarter of the
    // lakehouse's time went to those stop-the-world collections. Run concurrently instead, the heap filled
    // within 30 minutes (each call holds the finalizer thread until a whole cycle is over, and what waits
    // for finalization cannot be freed). Ignored, the factories are collected like anything else.
    List<String> jvm = new ArrayList<>(List.of(
        "-Xms512m", "-Xmx2g", "-XX:+UseG1GC", "-XX:+DisableExplicitGC", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        "-Djava.io.tmpdir=" + data.resolve("tmp"),
        "-Dderby.stream.error.file=" + dir.resolve("derby.log")));
    ADD_OPENS.forEach(module -> jvm.add("--add-opens=" + module + "=ALL-UNNAMED"));
    return new ProcessSpec(classpath, jvm, MAIN_CLASS,
        List.of(data.toString(), String.valueOf(settings.lakehousePort())));
  }

  @Override
  public boolean answers(StackSettings settings) {
    return Probes.accepts(StackSettings.HOST, settings.lakehousePort());
  }

  @Override
  public Optional<String> readyLogLine() {
    return Optional.of("local-lakehouse ready");
  }
}
