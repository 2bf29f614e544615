package io.deltapromotion.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The repository's docker-compose.yml, checked without Docker: it is valid Compose (the Compose
 * specification's JSON schema), it runs the images this build makes at this build's version, it
 * publishes ports on the host's loopback only, and every environment variable it gives a service
 * names one of that service's configuration properties (read from the service's own image), so a
 * misspelt setting fails the build instead of being silently ignored.
 */
class ComposeFileIT {

  private static final String OUR_IMAGES = "delta-promotion/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path repository = Path.of(System.getProperty("local-stack.repository"));
  private final JsonNode compose = composeFile();
  private final Map<String, ConfigurationPropertyNames> propertiesByImage = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void theComposeFileIsValidAgainstTheComposeSpecification() throws IOException {
    List<Error> errors = composeSpecification().validate(compose);

    assertThat(errors).as("docker-compose.yml against the Compose specification").isEmpty();
  }

  @Test
  void aFileThatBreaksTheSpecificationIsRejectedByTheSameCheck() throws IOException {
    Schema schema = composeSpecification();
    ObjectNode broken = (ObjectNode) compose.deepCopy();
    ((ObjectNode) broken.get("services").get("kafka")).put("healthcheck", "not an object");
    ((ObjectNode) broken.get("services").get("lakehouse")).put("imaginary_key", true);

    assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyImageThisBuildMakesRunsInTheComposeFileAtThisVersion() throws IOException {
    List<String> built;
    try (Stream<Path> modules = Files.list(repository)) {
      built = modules.filter(module -> Files.exists(module.resolve("target/jib-image.tar")))
          // local-kafka's image (built with -Pdocker) is the tests' broker; the compose file runs the official one.
          .filter(module -> !module.getFileName().toString().equals("local-kafka"))
          .map(module -> OUR_IMAGES + module.getFileName() + ":" + System.getProperty("project.version"))
          .sorted().toList();
    }
    List<String> composed = new ArrayList<>();
    compose.get("services").forEach(service -> {
      String image = service.get("image").asString();
      if (image.startsWith(OUR_IMAGES)) {
        composed.add(image);
      }
    });

    assertThat(built).hasSize(6);
    assertThat(composed).containsExactlyInAnyOrderElementsOf(built);
  }

  @Test
  void everyPublishedPortIsOnTheHostsLoopback() {
    compose.get("services").properties().forEach(service -> {
      JsonNode ports = service.getValue().get("ports");
      if (ports != null) {
        ports.forEach(port -> assertThat(port.asString()).as("a port of %s", service.getKey()).startsWith("127.0.0.1:"));
      }
    });
  }

  @Test
  void everyEnvironmentVariableOfOurServicesNamesOneOfThatServicesConfigurationProperties() throws IOException {
    Map<String, List<String>> unknown = new TreeMap<>();
    List<String> ours = new ArrayList<>();
    compose.get("services").forEach(service -> ours.add(service.get("image").asString()));
    ours.parallelStream().filter(image -> image.startsWith(OUR_IMAGES)).forEach(this::propertiesOfUnchecked);
    for (Map.Entry<String, JsonNode> service : compose.get("services").properties()) {
      String image = service.getValue().get("image").asString();
      if (!image.startsWith(OUR_IMAGES) || service.getValue().get("environment") == null) {
        continue;
      }
      ConfigurationPropertyNames properties = propertiesOf(image);
      service.getValue().get("environment").propertyNames().forEach(variable -> {
        if (!properties.binds(variable)) {
          unknown.computeIfAbsent(service.getKey(), key -> new ArrayList<>()).add(variable);
        }
      });
    }

    assertThat(unknown).as("environment variables that name no configuration property").isEmpty();
  }

  @Test
  void aMisspeltVariableIsCaughtByTheSameCheck() throws IOException {
    ConfigurationPropertyNames promoter = propertiesOf(OUR_IMAGES + "promoter-service:" + System.getProperty("project.version"));

    assertThat(promoter.size()).isGreaterThan(500);
    assertThat(promoter.binds("DELTAPROMOTION_WAREHOUSE_JDBCURL")).isTrue();
    assertThat(promoter.binds("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isTrue();
    assertThat(promoter.binds("DELTAPROMOTION_WAREHOUSE_JDBURL")).isFalse();
    assertThat(promoter.binds("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
    assertThat(promoter.binds("SPRING_KAFKA_BOOTSTRAP_SERVER")).isFalse();
  }

  private static Schema composeSpecification() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(Files.readString(Path.of(System.getProperty("compose-spec.schema"))));
    // This copy names its dialect with an old spelling of 2019-09's id (which the registry would try to
    // fetch), and labels its parts with draft 4's "id" keyword, which 2019-09 has no validator for (and
    // which only names what it sits in): the dialect is given, the labels go.
    schema.remove("$schema");
    removeDraft4Ids(schema);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
        .getSchema(SchemaLocation.of("https://compose-spec.io/schema.json"), schema);
  }

  private static void removeDraft4Ids(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("id") && object.get("id").isString()) {
      object.remove("id");
    }
    node.forEach(ComposeFileIT::removeDraft4Ids);
  }

  private void propertiesOfUnchecked(String image) {
    try {
      propertiesOf(image);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ConfigurationPropertyNames propertiesOf(String image) throws IOException {
    if (!propertiesByImage.containsKey(image)) {
      String module = image.substring(OUR_IMAGES.length(), image.indexOf(':'));
      propertiesByImage.put(image, ConfigurationPropertyNames.of(repository.resolve(module + "/target/jib-image.tar")));
    }
    return propertiesByImage.get(image);
  }

  /** The compose file as Compose reads it: YAML 1.1 with its merge keys resolved. */
  private JsonNode composeFile() {
    try {
      Object yaml = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
      return JSON.valueToTree(yaml);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
