package io.deltapromotion.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lakehouse image (Spark Thrift Server with Delta Lake, for docker-compose) serves Delta tables
 * over JDBC from its own file system: the statements the promoter relies on work inside it.
 */
class LakehouseImageIT {

  @Test
  void theLakehouseImageServesDeltaTablesAndShallowClonesOverJdbc() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot and namespaces need root (CI runs as root)");
    Path repository = Path.of(System.getProperty("local-stack.repository"));
    Path work = Files.createDirectories(repository.resolve("deployment/target/image-runs"));
    Path root = work.resolve("local-lakehouse");
    FileTrees.delete(root);
    FileTrees.delete(work.resolve("local-lakehouse-blobs"));
    int port = freePort();

    // Given the lakehouse image, unpacked, started as a container on a port of its own
    ImageTarball image = ImageTarball.unpack(repository.resolve("local-lakehouse/target/jib-image.tar"), root);
    List<String> arguments = List.of(image.command().get(0), Integer.toString(port), "127.0.0.1");
    try (ChrootContainer lakehouse = ChrootContainer.start(root, image, arguments, Map.of(),
        work.resolve("local-lakehouse.log"))) {
      String url = "jdbc:hive2://127.0.0.1:" + port + "/default";
      await("the lakehouse image accepting JDBC sessions").atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
          .failFast("the lakehouse process exited (see its log in deployment/target/image-runs)",
              () -> !lakehouse.isAlive())
          .until(() -> {
            try (Connection ignored = DriverManager.getConnection(url)) {
              return true;
            }
          });

      // When a Delta table gets two versions and its first is shallow-cloned
      try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE image_check (id INT) USING DELTA");
        sql.execute("INSERT INTO image_check VALUES (1), (2)");
        sql.execute("INSERT INTO image_check VALUES (3)");
        sql.execute("CREATE OR REPLACE TABLE image_check_clone SHALLOW CLONE image_check VERSION AS OF 1");

        // Then the clone holds exactly that version's rows, inside the image's own file system
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM image_check_clone")) {
          rows.next();
          assertThat(rows.getLong(1)).isEqualTo(2);
        }
      }
      assertThat(root.resolve("home/app/lakehouse/warehouse/image_check/_delta_log")).isDirectory();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
