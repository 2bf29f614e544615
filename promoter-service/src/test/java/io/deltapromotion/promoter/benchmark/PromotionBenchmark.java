package io.deltapromotion.promoter.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.CountingDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConnectionPool;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseProperties;
import io.deltapromotion.promoter.domain.Promoter;
import io.deltapromotion.promoter.domain.PromotionOutcome;
import io.deltapromotion.promoter.domain.PromotionStatus;
import io.deltapromotion.promoter.domain.StageWrite;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Promotes 50 tables on the local lakehouse the documents' way and promoter-service's way, and prints
 * statements per table, wall time and the ratio: the documents' driver notebook (per table, one after
 * another: CREATE OR REPLACE ... SHALLOW CLONE, then ALTER TABLE ... SET TBLPROPERTIES with the lineage)
 * and the promoter (lineage check, the table comment at the version, one clone that writes data, lineage
 * and comment together, and its verification), one table after another and with the service's default
 * bound of 3 tables at a time. All go through the services' session pool, every source is read once and
 * both ways run on a few tables before anything is timed, and each way writes its own fresh target schema. Not part of the build's
 * tests (its name ends in neither Test nor IT): run it with bin/benchmark. It measures; it asserts only
 * that every way promoted every table.
 */
@RequiresLocalStack(Component.LAKEHOUSE)
class PromotionBenchmark {

  private static final int TABLES = Integer.getInteger("benchmark.tables", 50);
  private static final int ROWS = Integer.getInteger("benchmark.rows", 10_000);
  private static final int BOUND = 3;

  private final String schema = "pbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final HikariDataSource pool = WarehouseConnectionPool.open(new WarehouseProperties(
      LocalStackExtension.settings().lakehouseJdbcUrl(), null, null, Duration.ofMinutes(5), BOUND, Duration.ofSeconds(60), true));
  private final CountingDataSource counting = new CountingDataSource(pool);
  private final Promoter promoter = new Promoter(
      new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(5)),
      Clock.systemUTC(), "promoter-service");

  @Test
  void promoteFiftyTablesTheDocumentsWayAndOurs() throws Exception {
    List<TableName> tables = createTables();
    for (TableName table : tables) { // warm-up: every source's Delta log loaded and cached before any way is timed
      sql("DESCRIBE HISTORY " + table + " LIMIT 1");
    }
    for (TableName table : tables.subList(0, Math.min(5, TABLES))) { // and both ways' statements run a few times
      documentsDriver(table, target(table, "warm"));
      sql("DROP TABLE " + target(table, "warm"));
      promote(table, "warm");
    }

    Result driver = measure("documents' driver, one table after another", () -> {
      for (TableName table : tables) {
        documentsDriver(table, target(table, "drv"));
      }
    });
    Result sequential = measure("promoter-service, one table after another", () -> {
      for (TableName table : tables) {
        assertThat(promote(table, "seq").status()).isEqualTo(PromotionStatus.PROMOTED);
      }
    });
    Result bounded = measure("promoter-service, " + BOUND + " tables at a time", () -> {
      ExecutorService threads = Executors.newFixedThreadPool(BOUND);
      try {
        List<Future<PromotionOutcome>> promotions = new ArrayList<>();
        tables.forEach(table -> promotions.add(threads.submit(() -> promote(table, "par"))));
        for (Future<PromotionOutcome> promotion : promotions) {
          assertThat(promotion.get().status()).isEqualTo(PromotionStatus.PROMOTED);
        }
      } finally {
        threads.shutdownNow();
      }
    });

    System.out.printf("%nPromotion benchmark: %d tables of %,d rows, shallow clones onto new targets, local lakehouse%n",
        TABLES, ROWS);
    System.out.printf("%-50s %20s %12s%n", "approach", "statements per table", "wall time");
    for (Result result : List.of(driver, sequential, bounded)) {
      System.out.printf("%-50s %20.1f %10.1f s%n", result.name(), result.statements() / (double) TABLES, result.seconds());
    }
    System.out.printf("ratio, documents' driver / ours: wall time %.2fx one after another, %.2fx with %d at a time%n%n",
        driver.seconds() / sequential.seconds(), driver.seconds() / bounded.seconds(), BOUND);
    sql("DROP SCHEMA " + schema + " CASCADE");
    for (String way : List.of("drv", "seq", "par", "warm")) {
      sql("DROP SCHEMA " + schema + "_" + way + " CASCADE");
    }
    pool.close();
  }

  /** The documents' promote_driver.py for one table: the clone, then the lineage in a second statement. */
  private void documentsDriver(TableName source, TableName target) throws SQLException {
    try (Connection connection = counting.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TABLE " + target + " SHALLOW CLONE " + source + " VERSION AS OF 0");
      statement.execute("ALTER TABLE " + target + " SET TBLPROPERTIES ('promoted_from' = '" + source + "', "
          + "'promoted_version' = '0', 'release_tag' = 'BENCH', 'promoted_at' = '" + java.time.Instant.now() + "')");
    }
  }

  private PromotionOutcome promote(TableName source, String way) {
    return promoter.promote(new StageWrite(UUID.randomUUID().toString(), source, 0L, target(source, way), "BENCH"),
        CloneType.SHALLOW);
  }

  private TableName target(TableName source, String way) {
    return TableName.parse(schema + "_" + way + "." + source.table());
  }

  private List<TableName> createTables() throws SQLException {
    sql("CREATE SCHEMA " + schema);
    for (String way : List.of("drv", "seq", "par", "warm")) {
      sql("CREATE SCHEMA " + schema + "_" + way);
    }
    List<TableName> tables = IntStream.range(0, TABLES).mapToObj(i -> TableName.parse(schema + ".table_" + i)).toList();
    for (TableName table : tables) {
      sql("CREATE TABLE " + table + " USING delta COMMENT 'benchmark table' AS SELECT id, concat('name-', id) AS name"
          + " FROM range(0, " + ROWS + ")");
    }
    return tables;
  }

  private Result measure(String name, Work work) throws Exception {
    counting.reset();
    long start = System.nanoTime();
    work.run();
    return new Result(name, counting.statements(), (System.nanoTime() - start) / 1e9);
  }

  private void sql(String sql) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private record Result(String name, long statements, double seconds) {}
}
