package io.deltapromotion.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The stack's broker in a Docker container started through Testcontainers (the build's docker profile):
 * the configuration, storage format, credentials and ACLs of the broker process ({@link KafkaDefinition}),
 * only the JVM runs in the image. The image's own start script configures Kafka from environment variables,
 * which can neither give the super user its SCRAM credential when the storage is formatted nor declare the
 * SASL and TLS listeners with their ACLs, so the container runs {@code kafka.Kafka} on the stack's own
 * configuration instead.
 *
 * <p>The component directory is mounted at its own path, so that the paths in the configuration hold
 * inside the container, and the container runs as the directory's owner, so that what it writes stays
 * the host user's. The listeners bind the container's interfaces and are published on the host's
 * {@value StackSettings#HOST} only, at the stack's ports, which are what the broker advertises.
 */
final class DockerKafka implements AutoCloseable {

  private static final String KAFKA_LIBS = "/opt/kafka/libs/*";
  private static final String LOG4J2_CONFIG = "log4j2.properties";

  private final StackSettings settings;
  private final KafkaRuntime runtime;
  private final PrintStream out;
  private KafkaContainer container;

  DockerKafka(StackSettings settings, KafkaRuntime runtime, PrintStream out) {
    this.settings = settings;
    this.runtime = runtime;
    this.out = out;
  }

  /** Starts the broker's container on fresh storage, waits until it answers, then gives the principals their access. */
  synchronized void start(Duration timeout) {
    if (container != null) {
      return;
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new StackException("stack.kafka.runtime=docker (the docker profile), but Testcontainers finds no Docker "
          + "engine: start one, or point DOCKER_HOST at one, or run without -Pdocker to use the broker process");
    }
    if (Probes.kafkaAnswers(StackSettings.HOST, settings.kafkaPort())) {
      throw new StackException("a Kafka broker already answers at " + settings.kafkaBootstrapServers()
          + " (bin/stack up?); the docker profile starts its own there: stop that one first");
    }
    LocalStack stack = new LocalStack(settings, out);
    stack.wipe(Component.KAFKA);
    Path dir = settings.componentDirectory(Component.KAFKA);
    Path log = stack.logFile(Component.KAFKA);
    try {
      Files.createDirectories(dir);
      appendToLog(log, "---- " + Instant.now() + " local-stack starting kafka in a container of " + runtime.image() + "\n");
      Path config = KafkaDefinition.configure(settings, dir, log, "0.0.0.0");
      Files.writeString(dir.resolve(LOG4J2_CONFIG), log4j2Properties());
      ensureImage();
      container = newContainer(dir, config, log, timeout);
      container.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ContainerLaunchException e) {
      close();
      throw new StackException("kafka's container did not start: " + e.getMessage() + "\nLast lines of " + log + ":\n"
          + LocalStack.tail(log, 30), e);
    }
    out.printf("%-16s started in container %s of %s (log %s)%n", Component.KAFKA.id(),
        container.getContainerId().substring(0, 12), runtime.image(), log);
    try {
      new KafkaDefinition().afterStart(settings, dir, log);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    out.printf("%-16s principals' credentials and ACLs in place (client settings in %s)%n", Component.KAFKA.id(),
        settings.kafkaCredentialsDirectory());
  }

  @Override
  public synchronized void close() {
    if (container != null) {
      String id = container.getContainerId();
      container.stop();
      container = null;
      out.printf("%-16s stopped (container %s)%n", Component.KAFKA.id(), id == null ? "never created" : id.substring(0, 12));
    }
  }

  private KafkaContainer newContainer(Path dir, Path config, Path log, Duration timeout) throws IOException {
    int uid = (Integer) Files.getAttribute(dir, "unix:uid");
    int gid = (Integer) Files.getAttribute(dir, "unix:gid");
    List<String> arguments = new ArrayList<>(KafkaDefinition.jvmOptions(dir));
    arguments.add("-Dlog4j2.configurationFile=" + dir.resolve(LOG4J2_CONFIG));
    arguments.addAll(List.of("-cp", KAFKA_LIBS, KafkaDefinition.MAIN_CLASS, config.toString()));
    KafkaContainer broker = new StackBroker(DockerImageName.parse(runtime.image()).asCompatibleSubstituteFor("apache/kafka"));
    broker.setExposedPorts(List.of());
    broker.setPortBindings(List.of(published(settings.kafkaPort()), published(settings.kafkaTlsPort())));
    // Bound here rather than with withFileSystemBind, whose first use per JVM checks that the engine can
    // mount host files by running a container of an image from Docker Hub (two minutes lost where none is reachable).
    Bind data = new Bind(dir.toString(), new Volume(dir.toString()), AccessMode.rw);
    return broker
        .withCreateContainerCmdModifier(create -> {
          create.withEntrypoint("java").withUser(uid + ":" + gid);
          create.getHostConfig().withBinds(data);
        })
        .withCommand(arguments.toArray(String[]::new))
        .withLogConsumer(frame -> appendToLog(log, frame))
        .waitingFor(new BrokerAnswers(settings.kafkaPort(), log).withStartupTimeout(timeout));
  }

  private static String published(int port) {
    return StackSettings.HOST + ":" + port + ":" + port;
  }

  /** Loads the image from its tarball when the engine lacks it and one is configured; else Testcontainers pulls it. */
  private void ensureImage() throws IOException {
    DockerClient client = DockerClientFactory.instance().client();
    try {
      client.inspectImageCmd(runtime.image()).exec();
    } catch (NotFoundException missing) {
      if (runtime.imageTarball().isPresent()) {
        Path tarball = runtime.imageTarball().get();
        if (!Files.isRegularFile(tarball)) {
          throw new StackException("the Docker engine has no image " + runtime.image() + " and its tarball " + tarball
              + " is not built: mvn -B -Pdocker -pl local-kafka package");
        }
        out.printf("%-16s loading %s into the Docker engine from %s%n", Component.KAFKA.id(), runtime.image(), tarball);
        try (InputStream image = Files.newInputStream(tarball)) {
          client.loadImageCmd(image).exec();
        }
      }
    }
  }

  private static void appendToLog(Path log, OutputFrame frame) {
    appendToLog(log, frame.getUtf8StringWithoutLineEnding() + "\n");
  }

  private static void appendToLog(Path log, String text) {
    try {
      Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For an image whose Kafka logs through Log4j 2 (the official one): what the process logs through slf4j-simple. */
  private static String log4j2Properties() {
    return String.join("\n",
        "rootLogger.level=info",
        "rootLogger.appenderRef.stdout.ref=stdout",
        "appender.stdout.type=Console",
        "appender.stdout.name=stdout",
        "appender.stdout.layout.type=PatternLayout",
        "appender.stdout.layout.pattern=%d{yyyy-MM-dd HH:mm:ss.SSS} [%t] %p %c - %m%n",
        "logger.coordinator.name=org.apache.kafka.coordinator",
        "logger.coordinator.level=warn",
        "logger.statechange.name=state.change.logger",
        "logger.statechange.level=warn",
        "");
  }

  /** KafkaContainer without its start script, which would configure the image's own way (see the class comment). */
  private static final class StackBroker extends KafkaContainer {
    StackBroker(DockerImageName image) {
      super(image);
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {}
  }

  /** Ready when the broker answers Kafka's protocol at the published port; fails at once if the container exits. */
  private static final class BrokerAnswers extends AbstractWaitStrategy {
    private final int port;
    private final Path log;

    BrokerAnswers(int port, Path log) {
      this.port = port;
      this.log = log;
    }

    @Override
    protected void waitUntilReady() {
      Instant deadline = Instant.now().plus(startupTimeout);
      while (!Probes.kafkaAnswers(StackSettings.HOST, port)) {
        if (!waitStrategyTarget.isRunning()) {
          throw new ContainerLaunchException("the broker's container exited during start-up (see " + log + ")");
        }
        if (Instant.now().isAfter(deadline)) {
          throw new ContainerLaunchException("the broker did not answer at " + StackSettings.HOST + ":" + port + " within "
              + startupTimeout);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ContainerLaunchException("interrupted while waiting for the broker", e);
        }
      }
    }
  }
}
