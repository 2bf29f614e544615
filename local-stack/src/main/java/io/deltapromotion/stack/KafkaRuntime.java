package io.deltapromotion.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How tests run the stack's broker: as a local process (the default), or in a Docker container started
 * through Testcontainers ({@code stack.kafka.runtime=docker}, which the build's docker profile sets).
 *
 * @param inDocker the broker runs in a container
 * @param image the container's image: a Kafka image with {@code java} on its PATH and Kafka's jars in
 *     {@code /opt/kafka/libs}, as the official {@code apache/kafka} has them (default
 *     {@value #DEFAULT_IMAGE})
 * @param imageTarball where the image can be loaded from when the engine does not have it (the tarball
 *     local-kafka builds with -Pdocker), instead of pulling it from a registry
 */
public record KafkaRuntime(boolean inDocker, String image, Optional<Path> imageTarball) {

  static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

  public KafkaRuntime {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("stack.kafka.image must name an image");
    }
  }

  public static KafkaRuntime resolve() {
    return resolve(System::getProperty, System.getenv());
  }

  static KafkaRuntime resolve(Function<String, String> properties, Map<String, String> env) {
    StackSettings.Setting setting = new StackSettings.Setting(properties, env);
    String runtime = setting.value("kafka.runtime", "process");
    if (!runtime.equals("process") && !runtime.equals("docker")) {
      throw new IllegalArgumentException("stack.kafka.runtime must be 'process' or 'docker', was '" + runtime + "'");
    }
    String tarball = setting.value("kafka.image-tarball", "");
    return new KafkaRuntime(runtime.equals("docker"), setting.value("kafka.image", DEFAULT_IMAGE),
        tarball.isEmpty() ? Optional.empty() : Optional.of(Path.of(tarball)));
  }
}
