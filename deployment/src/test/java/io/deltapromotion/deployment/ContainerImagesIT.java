package io.deltapromotion.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.ObjectMapper;

/**
 * The images the build makes, run as containers (see {@link ChrootContainer}) the way docker-compose.yml
 * runs them: the lakehouse image as the warehouse, and each service's image configured by environment
 * variables alone, against the local stack's broker and schema registry. The lakehouse serves Delta tables
 * and shallow clones over JDBC; every service connects as its own Kafka principal, reaches that
 * lakehouse, reports itself healthy, and the health check the compose file gives it passes inside it.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
class ContainerImagesIT {

  private static final List<String> SERVICES =
      List.of("detector-service", "qc-service", "promoter-service", "notifier-service", "registry-service");
  /** What the local stack starts services with, for a quicker start on two cores (test tuning, not the images'). */
  private static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private static final StackSettings STACK = LocalStackExtension.settings();
  private static final Path WORK = STACK.repository().resolve("deployment/target/image-runs");
  private static final List<ChrootContainer> SERVICE_CONTAINERS = new ArrayList<>();
  private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
  private static final Map<String, ImageTarball> IMAGES = new LinkedHashMap<>();
  private static ChrootContainer lakehouse;
  private static String lakehouseUrl;

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Given the lakehouse image and every service's image, unpacked, started together as compose starts
   * them (the services wait out a warehouse that is not up yet), each service configured by environment
   * variables only.
   */
  @BeforeAll
  static void startTheImages() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and namespaces need root (CI runs as root)");
    Files.createDirectories(WORK);
    Path root = unpacked("local-lakehouse");
    ImageTarball image = ImageTarball.unpack(STACK.repository().resolve("local-lakehouse/target/jib-image.tar"), root);
    int port = freePort();
    List<String> arguments = List.of(image.command().get(0), Integer.toString(port), "127.0.0.1");
    lakehouse = ChrootContainer.start(root, image, arguments, Map.of(),
        WORK.resolve("local-lakehouse.log"));
    lakehouseUrl = "jdbc:hive2://127.0.0.1:" + port + "/default";
    for (String service : SERVICES) {
      ImageTarball serviceImage = ImageTarball.unpack(
          STACK.repository().resolve(service + "/target/jib-image.tar"), unpacked(service));
      IMAGES.put(service, serviceImage);
      PORTS.put(service, freePort());
      SERVICE_CONTAINERS.add(ChrootContainer.start(WORK.resolve(service), serviceImage,
          environment(service, PORTS.get(service)), WORK.resolve(service + ".log")));
    }
    await("the lakehouse image accepting JDBC sessions").atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
        .failFast("the lakehouse exited (log: deployment/target/image-runs/local-lakehouse.log)", () -> !lakehouse.isAlive())
        .until(() -> {
          try (Connection ignored = DriverManager.getConnection(lakehouseUrl)) {
            return true;
          }
        });
  }

  @AfterAll
  static void stopTheImages() throws InterruptedException {
    for (ChrootContainer container : SERVICE_CONTAINERS) {
      container.close();
    }
    if (lakehouse != null) {
      lakehouse.close();
    }
  }

  @Test
  void theLakehouseImageServesDeltaTablesAndShallowClonesOverJdbc() throws Exception {
    // Given a Delta table with two versions, in the lakehouse image
    try (Connection connection = DriverManager.getConnection(lakehouseUrl); Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE image_check (id INT) USING DELTA");
      sql.execute("INSERT INTO image_check VALUES (1), (2)");
      sql.execute("INSERT INTO image_check VALUES (3)");

      // When its first version is shallow-cloned
      sql.execute("CREATE OR REPLACE TABLE image_check_clone SHALLOW CLONE image_check VERSION AS OF 1");

      // Then the clone holds exactly that version's rows, in the image's own file system
      try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM image_check_clone")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(2);
      }
    }
    assertThat(WORK.resolve("local-lakehouse/home/app/lakehouse/warehouse/image_check/_delta_log")).isDirectory();
  }

  @Test
  void everyServiceImageStartsItsServiceFromEnvironmentVariablesAlone() throws Exception {
    // When they have started
    // Then every service runs unprivileged and answers its health check with UP
    for (String service : SERVICES) {
      assertThat(IMAGES.get(service).user()).as("%s runs unprivileged", service).isEqualTo("65532");
      ChrootContainer container = SERVICE_CONTAINERS.get(SERVICES.indexOf(service));
      await(service + " healthy (log: deployment/target/image-runs/" + service + ".log)")
          .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
          .failFast(service + " exited", () -> !container.isAlive())
          .until(() -> "UP".equals(health(PORTS.get(service))));
    }

    // And the health check docker-compose.yml gives each (the images have no shell and no curl) passes inside it
    for (String service : SERVICES) {
      List<String> check = composeHealthCheck(service, PORTS.get(service));
      int status = ChrootContainer.exec(WORK.resolve(service), IMAGES.get(service), check,
          WORK.resolve(service + "-healthcheck.log"));
      assertThat(status).as("%s's compose health check %s", service, check).isZero();
    }
  }

  /** The settings a deployment gives the service, as Spring Boot reads them from the environment. */
  private static Map<String, String> environment(String service, int port) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("JAVA_TOOL_OPTIONS", QUICK_START);
    environment.put("SERVER_ADDRESS", StackSettings.HOST);
    environment.put("SERVER_PORT", Integer.toString(port));
    environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", STACK.kafkaBootstrapServers());
    environment.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL", STACK.schemaRegistryUrl());
    environment.put("DELTAPROMOTION_WAREHOUSE_JDBCURL", lakehouseUrl);
    environment.put("DELTAPROMOTION_EVENTS_TRANSACTIONALID", service + "-image-it");
    STACK.springKafka(service).forEach((key, value) -> environment.put(environmentVariable(key), value));
    return environment;
  }

  private static String environmentVariable(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase();
  }

  /** The service's health check command from docker-compose.yml, pointed at the port it listens on here. */
  @SuppressWarnings("unchecked")
  private static List<String> composeHealthCheck(String service, int port) throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(STACK.repository().resolve("docker-compose.yml")));
    Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service);
    List<String> test = (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test");
    assertThat(test.get(0)).isEqualTo("CMD");
    String composePort = String.valueOf(((Map<String, Object>) definition.get("environment")).get("SERVER_PORT"));
    return test.subList(1, test.size()).stream()
        .map(argument -> argument.replace("127.0.0.1:" + composePort + "/", "127.0.0.1:" + port + "/")).toList();
  }

  private String health(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).get("status").asString();
  }

  /** A fresh directory for the image's file system. */
  private static Path unpacked(String image) throws IOException {
    FileTrees.delete(WORK.resolve(image));
    FileTrees.delete(WORK.resolve(image + "-blobs"));
    return WORK.resolve(image);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
