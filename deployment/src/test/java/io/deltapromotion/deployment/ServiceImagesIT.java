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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.ObjectMapper;

/**
 * Each service's image tarball, built by Jib on the java-runtime-image base, holds a runnable
 * service: unpacked and started as its image says (entrypoint, environment, unprivileged user),
 * configured only through environment variables as a compose file or Kubernetes would, it connects
 * to the local stack's broker as its own principal and reports itself healthy; and the health check
 * docker-compose.yml runs in it passes.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
class ServiceImagesIT {

  private static final List<String> SERVICES =
      List.of("detector-service", "qc-service", "promoter-service", "notifier-service", "registry-service");

  private final StackSettings stack = LocalStackExtension.settings();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ChrootContainer> containers = new ArrayList<>();

  @AfterEach
  void stopTheContainers() throws InterruptedException {
    for (ChrootContainer container : containers) {
      container.close();
    }
  }

  @Test
  void everyServiceImageStartsItsServiceFromEnvironmentVariablesAlone() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and namespaces need root (CI runs as root)");
    Path work = Files.createDirectories(stack.repository().resolve("deployment/target/image-runs"));
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, ImageTarball> images = new LinkedHashMap<>();

    // Given every service's image, unpacked
    // When each is started as a container would be, configured by environment variables only
    for (String service : SERVICES) {
      Path root = work.resolve(service);
      FileTrees.delete(root);
      FileTrees.delete(work.resolve(service + "-blobs"));
      ImageTarball image = ImageTarball.unpack(stack.repository().resolve(service + "/target/jib-image.tar"), root);
      images.put(service, image);
      assertThat(image.user()).as("%s runs unprivileged", service).isEqualTo("65532");
      int port = freePort();
      ports.put(service, port);
      containers.add(ChrootContainer.start(root, image, environment(service, port), work.resolve(service + ".log")));
    }

    // Then every one answers its health check with UP
    for (Map.Entry<String, Integer> service : ports.entrySet()) {
      await(service.getKey() + " healthy (log: deployment/target/image-runs/" + service.getKey() + ".log)")
          .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
          .failFast(service.getKey() + " exited", () -> !containers.get(index(service.getKey())).isAlive())
          .until(() -> "UP".equals(health(service.getValue())));
    }

    // And the health check docker-compose.yml gives each (the image has no shell and no curl) passes inside it
    for (Map.Entry<String, Integer> service : ports.entrySet()) {
      List<String> check = composeHealthCheck(service.getKey(), service.getValue());
      int status = ChrootContainer.exec(work.resolve(service.getKey()), images.get(service.getKey()), check,
          work.resolve(service.getKey() + "-healthcheck.log"));
      assertThat(status).as("%s's compose health check %s", service.getKey(), check).isZero();
    }
  }

  /** The service's health check command from docker-compose.yml, pointed at the port it listens on here. */
  @SuppressWarnings("unchecked")
  private List<String> composeHealthCheck(String service, int port) throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(stack.repository().resolve("docker-compose.yml")));
    Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service);
    List<String> test = (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test");
    assertThat(test.get(0)).isEqualTo("CMD");
    String composePort = String.valueOf(((Map<String, Object>) definition.get("environment")).get("SERVER_PORT"));
    return test.subList(1, test.size()).stream()
        .map(argument -> argument.replace("127.0.0.1:" + composePort + "/", "127.0.0.1:" + port + "/")).toList();
  }

  private static int index(String service) {
    return SERVICES.indexOf(service);
  }

  /** The settings a deployment gives the service, as Spring Boot reads them from the environment. */
  private Map<String, String> environment(String service, int port) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SERVER_ADDRESS", StackSettings.HOST);
    environment.put("SERVER_PORT", Integer.toString(port));
    environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    environment.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    environment.put("DELTAPROMOTION_WAREHOUSE_JDBCURL", stack.lakehouseJdbcUrl());
    environment.put("DELTAPROMOTION_EVENTS_TRANSACTIONALID", service + "-image-it");
    stack.springKafka(service).forEach((key, value) -> environment.put(environmentVariable(key), value));
    return environment;
  }

  static String environmentVariable(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase();
  }

  private String health(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).get("status").asString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
