package io.deltapromotion.stack.lakehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * A Delta Lake engine served over JDBC: one Spark session with the Delta extensions and a Derby
 * metastore, exposed through the Spark Thrift Server (HiveServer2 protocol, binary transport).
 *
 * <p>This process owns the metastore: Derby allows one JVM per metastore directory, so every other
 * process (services, tests, the demo) must go through JDBC.
 *
 * <p>Arguments: {@code <data-dir> <port> [<bind-address>]}. Binds to 127.0.0.1 unless told otherwise
 * (its container image binds to every address of the container, whose port is published on the host's
 * loopback).
 */
public final class LakehouseServer {

  private static final String LOOPBACK = "127.0.0.1";

  private LakehouseServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 3) {
      throw new IllegalArgumentException("usage: LakehouseServer <data-dir> <port> [<bind-address>]");
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String bindAddress = args.length == 3 ? args[2] : LOOPBACK;
    Files.createDirectories(dataDir.resolve("tmp/hive-scratch"));
    Files.createDirectories(dataDir.resolve("tmp/hive-local"));
    Files.createDirectories(dataDir.resolve("operation-logs"));

    SparkSession spark = SparkSession.builder()
        .appName("local-lakehouse")
        .master("local[2]")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.warehouse.dir", dataDir.resolve("warehouse").toString())
        .config("spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=" + dataDir.resolve("metastore_db") + ";create=true")
        .config("spark.hadoop.hive.metastore.schema.verification", "false")
        .config("spark.hadoop.datanucleus.schema.autoCreateAll", "true")
        .config("spark.hadoop.hive.server2.thrift.bind.host", bindAddress)
        .config("spark.hadoop.hive.server2.thrift.port", String.valueOf(port))
        .config("spark.hadoop.hive.server2.transport.mode", "binary")
        .config("spark.hadoop.hive.server2.logging.operation.log.location",
            dataDir.resolve("operation-logs").toString())
        .config("spark.hadoop.hive.exec.scratchdir", dataDir.resolve("tmp/hive-scratch").toString())
        .config("spark.hadoop.hive.exec.local.scratchdir", dataDir.resolve("tmp/hive-local").toString())
        .config("spark.local.dir", dataDir.resolve("tmp").toString())
        .config("spark.driver.host", LOOPBACK)
        .config("spark.driver.bindAddress", LOOPBACK)
        .config("spark.ui.enabled", "false")
        // A long-lived server answers thousands of statements: keep only a little of their history in
        // the status store (which fills the heap even with the UI off).
        .config("spark.ui.retainedJobs", "100")
        .config("spark.ui.retainedStages", "100")
        .config("spark.ui.retainedTasks", "2000")
        .config("spark.sql.ui.retainedExecutions", "50")
        .config("spark.sql.thriftserver.ui.retainedStatements", "50")
        .config("spark.sql.thriftserver.ui.retainedSessions", "50")
        // Delta keeps every table it touched in memory (a DeltaLog with its snapshot's plans, several MB
        // each, 10,000 tables by default): a few hundred tables filled a 1 GB heap. Keep the recent ones.
        .config("spark.databricks.delta.delta.log.cacheSize", "64")
        .config("spark.databricks.delta.delta.log.cacheRetentionMinutes", "10")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
        .enableHiveSupport()
        .getOrCreate();

    HiveThriftServer2.startWithContext(spark.sqlContext());
    warmUp(port);
    System.out.println("local-lakehouse ready: jdbc:hive2://" + LOOPBACK + ":" + port + "/default");
  }

  /**
   * The first JDBC session of a fresh server initialises Hive session state (5-10 s); paying that
   * here, before the server reports ready, keeps the first real client's statement fast.
   */
  private static void warmUp(int port) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:hive2://" + LOOPBACK + ":" + port + "/default");
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT 1")) {
      result.next();
    }
  }
}
