package io.deltapromotion.deployment;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The configuration properties a service knows, read from its image: the Spring Boot configuration
 * metadata of its classes and of every jar it ships. An environment variable binds to a property the
 * way Spring Boot's relaxed binding maps it ({@code DELTAPROMOTION_WAREHOUSE_JDBCURL} and
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} to {@code deltapromotion.warehouse.jdbc-url} and
 * {@code spring.kafka.bootstrap-servers}); under a map-typed property ({@code spring.kafka.properties})
 * any key binds.
 */
final class ConfigurationPropertyNames {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLASSES_METADATA = "app/classes/META-INF/";
  private static final Set<String> METADATA_FILES =
      Set.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json");

  private final Set<String> properties = new HashSet<>();
  private final Set<String> maps = new HashSet<>();

  static ConfigurationPropertyNames of(Path imageTarball) throws IOException {
    ConfigurationPropertyNames names = new ConfigurationPropertyNames();
    try (TarArchiveInputStream image =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(imageTarball)))) {
      TarArchiveEntry member;
      while ((member = image.getNextEntry()) != null) {
        if (member.isFile() && member.getName().endsWith(".tar.gz")) {
          names.readLayer(new GzipCompressorInputStream(image));
        }
      }
    }
    return names;
  }

  int size() {
    return properties.size();
  }

  boolean binds(String environmentVariable) {
    String canonical = environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
    return properties.contains(canonical) || maps.stream().anyMatch(map -> canonical.startsWith(map + "."));
  }

  private void readLayer(InputStream layer) throws IOException {
    TarArchiveInputStream files = new TarArchiveInputStream(layer);
    TarArchiveEntry file;
    while ((file = files.getNextEntry()) != null) {
      String name = file.getName().replaceFirst("^/", "");
      if (!file.isFile()) {
        continue;
      }
      if (name.startsWith(CLASSES_METADATA) && METADATA_FILES.contains(name.substring("app/classes/".length()))) {
        readMetadata(files.readAllBytes());
      } else if (name.startsWith("app/libs/") && name.endsWith(".jar")) {
        readJar(files.readAllBytes());
      }
    }
  }

  private void readJar(byte[] jar) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (METADATA_FILES.contains(entry.getName())) {
          readMetadata(zip.readAllBytes());
        }
      }
    }
  }

  private void readMetadata(byte[] metadata) {
    JsonNode properties = JSON.readTree(metadata).get("properties");
    if (properties == null) {
      return;
    }
    for (JsonNode property : properties) {
      JsonNode type = property.get("type");
      boolean map = type != null && type.asString().startsWith("java.util.Map<");
      for (String form : environmentForms(property.get("name").asString())) {
        this.properties.add(form);
        if (map) {
          maps.add(form);
        }
      }
    }
  }

  /**
   * The two variable names Spring Boot's SystemEnvironmentPropertyMapper binds to a property, in lower
   * case with dots for underscores: dashes removed ({@code bootstrapservers}), or dashes as separators
   * ({@code bootstrap.servers}, the legacy form).
   */
  private static List<String> environmentForms(String property) {
    String name = property.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]", "");
    return List.of(name.replace("-", ""), name.replace('-', '.'));
  }
}
