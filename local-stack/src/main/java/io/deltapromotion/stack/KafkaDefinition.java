package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), formatted on first start.
 * Topic auto-creation is off: every topic the project uses is declared and created with its
 * configuration, so a typo in a topic name fails instead of creating a wrongly configured topic.
 *
 * <p>Nobody gets in unauthenticated, and nobody may do what no ACL allows: clients authenticate with
 * SASL/SCRAM-SHA-512 on the client listener, or over TLS with SCRAM-SHA-512 or PLAIN (what managed
 * clusters such as Confluent Cloud and MSK offer) on the TLS listener; the controller listener takes the
 * super user ({@value #SUPER_USER}) alone, with PLAIN; the standard authorizer denies by default. Before each
 * start, {@value #PROVISIONER} (from the schemas module, where the topics and who may touch them are
 * declared) generates the passwords still missing; after it, it gives each principal its SCRAM credential
 * and its ACLs and writes each one's client configuration under {@code <run-dir>/kafka/credentials/}.
 */
final class KafkaDefinition implements ComponentDefinition {

  static final String MAIN_CLASS = "kafka.Kafka";
  static final String SUPER_USER = StackSettings.KAFKA_SUPER_USER;
  static final String PASSWORDS = "passwords.properties";
  private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
  private static final String PROVISIONER = "io.deltapromotion.schemas.topics.KafkaAccessProvisioner";
  private static final String SCHEMAS_MODULE = "schemas";

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public ProcessSpec prepare(StackSettings settings, Path dir, Path log) throws IOException {
    Path config = configure(settings, dir, log, StackSettings.HOST);
    return new ProcessSpec(ComponentDefinition.builtClasspath(settings, Component.KAFKA), jvmOptions(dir), MAIN_CLASS,
        List.of(config.toString()));
  }

  /**
   * Writes the broker's configuration, its principals' passwords and its TLS key, and formats its storage
   * on first start; returns the configuration file.
   *
   * @param bindHost where the listeners bind: {@value StackSettings#HOST} for the process; every interface
   *     of a container, whose ports are published on the host's {@value StackSettings#HOST}
   */
  static Path configure(StackSettings settings, Path dir, Path log, String bindHost) throws IOException {
    Path logDirs = dir.resolve("data");
    Path config = dir.resolve("server.properties");
    Path passwordsFile = settings.kafkaCredentialsDirectory().resolve(PASSWORDS);
    boolean formatted = Files.exists(logDirs.resolve("meta.properties"));
    if (formatted && !Files.exists(passwordsFile)) {
      throw new StackException("Kafka's storage in " + logDirs + " was formatted before the stack's broker required "
          + "authentication (or its credentials were deleted). Remove " + logDirs + " to start afresh.");
    }
    provisioner(settings, log, "passwords", settings.kafkaCredentialsDirectory().toString());
    Map<String, String> passwords = new TreeMap<>();
    PrivateFiles.read(passwordsFile).forEach((id, password) -> passwords.put((String) id, (String) password));
    BrokerTls tls = BrokerTls.ensure(dir.resolve("tls"), settings.kafkaTrustedCertificate(), log);
    PrivateFiles.write(config, serverProperties(settings, bindHost, logDirs, passwords, tls));
    if (!formatted) {
      format(settings, ComponentDefinition.builtClasspath(settings, Component.KAFKA), config, passwords.get(SUPER_USER),
          log);
    }
    return config;
  }

  @Override
  public void afterStart(StackSettings settings, Path dir, Path log) {
    provisioner(settings, log, "apply", settings.kafkaBootstrapServers(), settings.kafkaCredentialsDirectory().toString());
  }

  private static void provisioner(StackSettings settings, Path log, String... arguments) {
    List<String> classpath = new ArrayList<>();
    classpath.add(ComponentDefinition.builtArtifact(settings, SCHEMAS_MODULE, "classes").toString());
    classpath.addAll(ComponentDefinition.builtClasspath(settings, SCHEMAS_MODULE));
    run(new ProcessSpec(classpath, List.of("-Xmx128m"), PROVISIONER, List.of(arguments)), log,
        "giving Kafka's principals their credentials and ACLs (" + arguments[0] + ")");
  }

  @Override
  public boolean answers(StackSettings settings) {
    return Probes.kafkaAnswers(StackSettings.HOST, settings.kafkaPort());
  }

  @Override
  public List<Integer> extraPorts(StackSettings settings) {
    return List.of(settings.kafkaControllerPort(), settings.kafkaTlsPort());
  }

  static String serverProperties(StackSettings settings, String bindHost, Path logDirs, Map<String, String> passwords,
      BrokerTls tls) {
    String host = StackSettings.HOST;
    String superUserPassword = passwords.get(SUPER_USER);
    String credentials = "username=\"" + SUPER_USER + "\" password=\"" + superUserPassword + "\"";
    String plainUsers = passwords.entrySet().stream()
        .map(user -> "user_" + user.getKey() + "=\"" + user.getValue() + "\"").collect(Collectors.joining(" "));
    List<String> lines = new ArrayList<>(List.of(
        "# Written by local-stack on every start; edit StackSettings/KafkaDefinition, not this file.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=" + host + ":" + settings.kafkaControllerPort(),
        "listeners=CLIENT://" + bindHost + ":" + settings.kafkaPort() + ",CLIENT_TLS://" + bindHost + ":"
            + settings.kafkaTlsPort() + ",CONTROLLER://" + bindHost + ":" + settings.kafkaControllerPort(),
        "advertised.listeners=CLIENT://" + host + ":" + settings.kafkaPort() + ",CLIENT_TLS://" + host + ":"
            + settings.kafkaTlsPort(),
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=CLIENT",
        "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CLIENT_TLS:SASL_SSL,CONTROLLER:SASL_PLAINTEXT",
        "listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512",
        "listener.name.client.scram-sha-512.sasl.jaas.config="
            + "org.apache.kafka.common.security.scram.ScramLoginModule required " + credentials + ";",
        "listener.name.client_tls.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN",
        "listener.name.client_tls.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
        "listener.name.client_tls.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            + plainUsers + ";",
        "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
        // SCRAM credentials live in the metadata the controller serves, so the controller itself uses PLAIN.
        "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
        "listener.name.controller.plain.sasl.jaas.config="
            + "org.apache.kafka.common.security.plain.PlainLoginModule required " + credentials
            + " user_" + SUPER_USER + "=\"" + superUserPassword + "\";",
        "sasl.mechanism.controller.protocol=PLAIN",
        "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "super.users=User:" + SUPER_USER,
        "allow.everyone.if.no.acl.found=false",
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
        "group.initial.rebalance.delay.ms=0"));
    lines.addAll(tls.listenerProperties("client_tls"));
    lines.add("");
    return String.join("\n", lines);
  }

  static List<String> jvmOptions(Path dir) {
    return List.of(
        "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        "-Djava.io.tmpdir=" + dir.resolve("data"),
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.coordinator=warn",
        "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
  }

  private static void format(StackSettings settings, List<String> classpath, Path config, String superUserPassword,
      Path log) {
    run(new ProcessSpec(classpath, List.of("-Xmx256m"), STORAGE_TOOL, List.of("format", "-t", newClusterId(),
        "-c", config.toString(), "--standalone",
        "--add-scram", "SCRAM-SHA-512=[name=" + SUPER_USER + ",password=" + superUserPassword + "]")),
        log, "formatting Kafka's storage");
  }

  /** Runs a tool to its end, its output appended to the log. */
  private static void run(ProcessSpec spec, Path log, String what) {
    Process process;
    try {
      process = new ProcessBuilder(spec.command(LocalStack.javaExecutable(), null))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new StackException(what + " failed: " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new StackException(what + " failed; see " + log + ":\n" + LocalStack.tail(log, 20));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while " + what, e);
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
