package io.deltapromotion.schemas.topics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How the command-line tools learn whom to connect as: the Kafka client configuration file (the format of
 * Kafka's own {@code --command-config}: {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, trust stores...) that {@value #VARIABLE} names. The local stack writes one per
 * principal; the tools' scripts default to the operators' ({@code operator-tools}).
 */
public final class KafkaClientConfigFile {

  public static final String VARIABLE = "KAFKA_CLIENT_CONFIG";

  private KafkaClientConfigFile() {}

  /**
   * The file's settings, or none when the variable is unset.
   *
   * @throws IllegalArgumentException when the file it names cannot be read
   */
  public static Map<String, Object> fromEnvironment(Map<String, String> environment) {
    return Optional.ofNullable(environment.get(VARIABLE)).filter(path -> !path.isBlank())
        .map(path -> read(Path.of(path))).orElse(Map.of());
  }

  static Map<String, Object> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the Kafka client configuration " + file + " ($" + VARIABLE + "): "
          + e.getMessage(), e);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
    return settings;
  }
}
