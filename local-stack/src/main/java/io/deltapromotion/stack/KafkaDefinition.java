package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), formatted on first start.
 * Topic auto-creation is off: every topic the project uses is declared and created with its
 * configuration, so a typo in a topic name fails instead of creating a wrongly configured topic.
 */
final class KafkaDefinition implements ComponentDefinition {

  static final String MAIN_CLASS = "kafka.Kafka";
  private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public ProcessSpec prepare(StackSettings settings, Path dir, Path log) throws IOException {
    List<String> classpath = ComponentDefinition.builtClasspath(settings, Component.KAFKA);
    Path logDirs = dir.resolve("data");
    Path config = dir.resolve("server.properties");
    Files.writeString(config, serverProperties(settings, logDirs));
    if (!Files.exists(logDirs.resolve("meta.properties"))) {
      format(settings, classpath, config, log);
    }
    return new ProcessSpec(classpath, jvmOptions(dir), MAIN_CLASS, List.of(config.toString()));
  }

  @Override
  public boolean answers(StackSettings settings) {
    return Probes.kafkaAnswers(StackSettings.HOST, settings.kafkaPort());
  }

  @Override
  public List<Integer> extraPorts(StackSettings settings) {
    return List.of(settings.kafkaControllerPort());
  }

  static String serverProperties(StackSettings settings, Path logDirs) {
    String host = StackSettings.HOST;
    return String.join("\n",
        "# Written by local-stack on every start; edit StackSettings/KafkaDefinition, not this file.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=" + host + ":" + settings.kafkaControllerPort(),
        "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + host + ":"
            + settings.kafkaControllerPort(),
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + logDirs,
        "num.partitions=1",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=10",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=10",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  private static List<String> jvmOptions(Path dir) {
    return List.of(
        "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        "-Djava.io.tmpdir=" + dir.resolve("data"),
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.coordinator=warn",
        "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
  }

  private static void format(StackSettings settings, List<String> classpath, Path config, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(new ProcessSpec(classpath, List.of("-Xmx256m"), STORAGE_TOOL,
        List.of("format", "-t", newClusterId(), "-c", config.toString(), "--standalone"))
        .command(LocalStack.javaExecutable(), null));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new StackException("formatting Kafka's storage failed; see " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while formatting Kafka's storage", e);
    }
  }

  /** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
  static String newClusterId() {
    SecureRandom random = new SecureRandom();
    while (true) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }
}
