package io.deltapromotion.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the stack lives and which ports it uses. Every value can be overridden by a system property
 * ({@code stack.kafka.port}) or an environment variable ({@code STACK_KAFKA_PORT}), the property
 * winning. Servers always bind to 127.0.0.1.
 *
 * @param repository the project checkout, where each component's build output is found
 * @param runDirectory data, logs and PID files, one sub-directory per component
 * @param kafkaPort Kafka's client listener (default 9092)
 * @param kafkaControllerPort Kafka's KRaft controller listener (default 9093)
 * @param kafkaTlsPort Kafka's TLS client listener, SASL_SSL (default 9094)
 * @param schemaRegistryPort the schema registry's HTTP port (default 8081)
 * @param lakehousePort the lakehouse's JDBC (Thrift) port (default 10000)
 * @param servicePortBase the detector's HTTP port; qc, promoter, notifier and registry take the next
 *     four (default 8091, so 8091 to 8095)
 * @param kafkaCredentialsDirectory where the broker's principals' passwords and client configurations are
 *     kept, readable by their owner only (default {@code <run-dir>/kafka/credentials}; set it to use a broker
 *     another stack started)
 */
public record StackSettings(
    Path repository,
    Path runDirectory,
    int kafkaPort,
    int kafkaControllerPort,
    int kafkaTlsPort,
    int schemaRegistryPort,
    int lakehousePort,
    int servicePortBase,
    Path kafkaCredentialsDirectory) {

  public static final String HOST = "127.0.0.1";
  /** The broker's super user: topics, ACLs and users are its alone; tests use it for topics of their own. */
  public static final String KAFKA_SUPER_USER = "admin";

  /** Settings whose broker keeps its credentials in the run directory, where it keeps its data. */
  public StackSettings(Path repository, Path runDirectory, int kafkaPort, int kafkaControllerPort, int kafkaTlsPort,
      int schemaRegistryPort, int lakehousePort, int servicePortBase) {
    this(repository, runDirectory, kafkaPort, kafkaControllerPort, kafkaTlsPort, schemaRegistryPort, lakehousePort,
        servicePortBase, runDirectory.resolve(Component.KAFKA.id()).resolve("credentials"));
  }

  /** Settings from system properties and the environment, with the given default run directory. */
  public static StackSettings resolve(Path repository, Path defaultRunDirectory) {
    return resolve(repository, defaultRunDirectory, System::getProperty, System.getenv());
  }

  static StackSettings resolve(
      Path repository, Path defaultRunDirectory, Function<String, String> properties, Map<String, String> env) {
    Setting setting = new Setting(properties, env);
    Path runDirectory = Path.of(setting.value("run-dir", defaultRunDirectory.toString())).toAbsolutePath().normalize();
    return new StackSettings(
        repository.toAbsolutePath().normalize(),
        runDirectory,
        setting.port("kafka.port", 9092),
        setting.port("kafka.controller.port", 9093),
        setting.port("kafka.tls.port", 9094),
        setting.port("schema-registry.port", 8081),
        setting.port("lakehouse.port", 10000),
        setting.port("services.port-base", 8091),
        Path.of(setting.value("kafka.credentials-dir",
            runDirectory.resolve(Component.KAFKA.id()).resolve("credentials").toString())).toAbsolutePath().normalize());
  }

  /** The project checkout that contains the working directory (the directory holding bin/stack). */
  public static Path findRepository(Path start) {
    String configured = System.getProperty("local-stack.repository");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("bin/stack")) && Files.isDirectory(dir.resolve("local-stack"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the project checkout (a directory with bin/stack) above " + start);
  }

  public String kafkaBootstrapServers() {
    return HOST + ":" + kafkaPort;
  }

  /**
   * The Kafka client configuration of a principal ({@code detector-service}, {@code upstream-pipelines},
   * {@code operator-tools}, ... or the super user {@code admin}): a file Kafka's clients and tools read.
   */
  public Path kafkaClientConfigFile(String principal) {
    Path file = kafkaCredentialsDirectory().resolve(principal + ".properties");
    if (!Files.isRegularFile(file)) {
      throw new StackException("no Kafka credentials for '" + principal + "' at " + file + ": they are written when "
          + "this stack starts its broker (bin/stack up, or a test's stack); a broker started by another stack keeps "
          + "them in that stack's run directory: point STACK_KAFKA_CREDENTIALS_DIR at its kafka/credentials");
    }
    return file;
  }

  /** The TLS client listener (SASL_SSL), for clients configured as for a managed cluster. */
  public String kafkaTlsBootstrapServers() {
    return HOST + ":" + kafkaTlsPort;
  }

  /** The broker's self-signed certificate (PEM): what a client of the TLS listener trusts. */
  public Path kafkaTrustedCertificate() {
    return kafkaCredentialsDirectory.resolve("broker-certificate.pem");
  }

  /** The principal's password, for client settings of another shape (SASL/PLAIN over TLS, say). */
  public String kafkaPassword(String principal) {
    Path passwords = kafkaCredentialsDirectory.resolve(KafkaDefinition.PASSWORDS);
    String password = Files.isRegularFile(passwords) ? PrivateFiles.read(passwords).getProperty(principal) : null;
    if (password == null) {
      throw new StackException("no Kafka password for '" + principal + "' in " + kafkaCredentialsDirectory());
    }
    return password;
  }

  /** The settings a Kafka client needs to connect as the principal: bootstrap servers and its credentials. */
  public Map<String, Object> kafkaClient(String principal) {
    Map<String, Object> client = new LinkedHashMap<>();
    PrivateFiles.read(kafkaClientConfigFile(principal)).forEach((key, value) -> client.put((String) key, value));
    client.put("bootstrap.servers", kafkaBootstrapServers());
    return client;
  }

  /** The same, as Spring Boot properties of a service ({@code spring.kafka.*}) that connects as the principal. */
  public Map<String, String> springKafka(String principal) {
    Map<String, String> properties = new LinkedHashMap<>();
    kafkaClient(principal).forEach((key, value) -> properties.put(
        key.equals("bootstrap.servers") ? "spring.kafka.bootstrap-servers" : "spring.kafka.properties." + key,
        String.valueOf(value)));
    return properties;
  }

  public String schemaRegistryUrl() {
    return "http://" + HOST + ":" + schemaRegistryPort + "/apis/ccompat/v7";
  }

  public String lakehouseJdbcUrl() {
    return "jdbc:hive2://" + HOST + ":" + lakehousePort + "/default";
  }

  public int port(Component component) {
    return switch (component) {
      case KAFKA -> kafkaPort;
      case SCHEMA_REGISTRY -> schemaRegistryPort;
      case LAKEHOUSE -> lakehousePort;
      case DETECTOR, QC, PROMOTER, NOTIFIER, REGISTRY -> servicePortBase + component.ordinal() - Component.DETECTOR.ordinal();
    };
  }

  public String endpoint(Component component) {
    return switch (component) {
      case KAFKA -> kafkaBootstrapServers();
      case SCHEMA_REGISTRY -> schemaRegistryUrl();
      case LAKEHOUSE -> lakehouseJdbcUrl();
      case DETECTOR, QC, PROMOTER, NOTIFIER, REGISTRY -> "http://" + HOST + ":" + port(component);
    };
  }

  /** The same stack with another run directory and services on other ports (for a test's own services). */
  public StackSettings withServices(Path otherRunDirectory, int otherServicePortBase) {
    return new StackSettings(repository, otherRunDirectory, kafkaPort, kafkaControllerPort, kafkaTlsPort,
        schemaRegistryPort, lakehousePort, otherServicePortBase, kafkaCredentialsDirectory);
  }

  public Path componentDirectory(Component component) {
    return runDirectory.resolve(component.id());
  }

  /** One setting: the system property {@code stack.<key>}, else the variable {@code STACK_<KEY>}, else the fallback. */
  record Setting(Function<String, String> properties, Map<String, String> env) {
    String value(String key, String fallback) {
      String property = properties.apply("stack." + key);
      if (property != null && !property.isBlank()) {
        return property.trim();
      }
      String variable = env.get("STACK_" + key.toUpperCase().replace('.', '_').replace('-', '_'));
      return variable != null && !variable.isBlank() ? variable.trim() : fallback;
    }

    int port(String key, int fallback) {
      String raw = value(key, String.valueOf(fallback));
      try {
        int port = Integer.parseInt(raw);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("stack." + key + " must be a TCP port (1-65535), was '" + raw + "'");
      }
    }
  }
}
