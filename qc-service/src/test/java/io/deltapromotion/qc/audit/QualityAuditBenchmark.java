package io.deltapromotion.qc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.CountingDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseConnectionPool;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseProperties;
import io.deltapromotion.policy.PolicyFileReader;
import io.deltapromotion.qc.domain.AuditRequest;
import io.deltapromotion.qc.domain.QualityAudit;
import io.deltapromotion.qc.domain.Verdict;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Audits 20 tables on the local lakehouse two ways and prints warehouse statements per table, wall
 * time and the ratio: the documents' recipe (separate count, null-key and duplicate-key queries plus a
 * DESCRIBE DETAIL per table, one table after another) and qc-service's audit (one column probe and one
 * scan per table), sequentially and with the service's default of 3 tables at a time. Both ways go
 * through the services' session pool, so neither pays for opening warehouse sessions. Not part of the
 * build's tests (its name ends in neither Test nor IT): run it with bin/benchmark. It measures; it
 * asserts only that both ways saw the same data.
 */
@RequiresLocalStack(Component.LAKEHOUSE)
class QualityAuditBenchmark {

  private static final int TABLES = Integer.getInteger("benchmark.tables", 20);
  private static final int ROWS = Integer.getInteger("benchmark.rows", 200_000);
  private static final int PARALLEL = 3;

  private final String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final JdbcUrlDataSource lakehouse =
      new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);
  private final HikariDataSource pool = WarehouseConnectionPool.open(new WarehouseProperties(
      LocalStackExtension.settings().lakehouseJdbcUrl(), null, null, Duration.ofMinutes(5), PARALLEL, Duration.ofSeconds(30), true));
  private final CountingDataSource counting = new CountingDataSource(pool);

  @Test
  void auditTwentyTablesTheDocumentsWayAndOurs() throws Exception {
    List<TableName> tables = createTables();
    QualityAudit audit = new QualityAudit(
        new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(5)),
        PolicyFileReader.read("benchmark.yaml", "tables:\n  - match: " + schema + ".*\n    key-columns: [id]\n"),
        source -> Optional.empty());
    for (TableName table : tables) { // warm-up: every table's Delta log loaded and cached before either way is timed
      documentsRecipe(table);
      audit.audit(request(table));
    }

    Result recipe = measure("documents' recipe, one table after another", tables.size(), () -> {
      for (TableName table : tables) {
        assertThat(documentsRecipe(table)).isEqualTo(ROWS);
      }
    });
    Result sequential = measure("qc-service audit, one table after another", tables.size(), () -> {
      for (TableName table : tables) {
        assertThat(audit.audit(request(table)).verdict()).isEqualTo(Verdict.PASS);
      }
    });
    Result parallel = measure("qc-service audit, " + PARALLEL + " tables at a time", tables.size(), () -> {
      ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
      try {
        List<Future<?>> audits = new ArrayList<>();
        tables.forEach(table -> audits.add(pool.submit(() -> audit.audit(request(table)))));
        for (Future<?> future : audits) {
          future.get();
        }
      } finally {
        pool.shutdownNow();
      }
    });

    System.out.printf("%nQuality audit benchmark: %d tables of %,d rows, key column id, local lakehouse%n", TABLES, ROWS);
    System.out.printf("%-50s %20s %12s%n", "approach", "statements per table", "wall time");
    for (Result result : List.of(recipe, sequential, parallel)) {
      System.out.printf("%-50s %20.1f %10.1f s%n", result.name(), result.statementsPerTable(), result.seconds());
    }
    System.out.printf("ratio, documents' recipe / ours: statements %.1fx, wall time %.1fx sequential, %.1fx with %d at a time%n%n",
        recipe.statementsPerTable() / sequential.statementsPerTable(), recipe.seconds() / sequential.seconds(),
        recipe.seconds() / parallel.seconds(), PARALLEL);
    pool.close();
    LakehouseSql.execute(lakehouse, "DROP SCHEMA " + schema + " CASCADE");
  }

  /** The documents' section 5 checks, as written there: three scans and a DESCRIBE DETAIL. */
  private long documentsRecipe(TableName table) throws SQLException {
    try (Connection connection = counting.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      long rows = single(statement, "SELECT COUNT(*) AS cnt FROM " + table);
      single(statement, "SELECT COUNT(*) AS null_pk FROM " + table + " WHERE id IS NULL");
      single(statement, "SELECT COUNT(*) AS c FROM (SELECT id, COUNT(*) c FROM " + table + " GROUP BY id HAVING c > 1)");
      try (ResultSet detail = statement.executeQuery("DESCRIBE DETAIL " + table)) {
        detail.next();
      }
      return rows;
    }
  }

  private List<TableName> createTables() {
    LakehouseSql.execute(lakehouse, "CREATE SCHEMA " + schema);
    List<TableName> tables = IntStream.range(0, TABLES).mapToObj(i -> TableName.parse(schema + ".table_" + i)).toList();
    for (TableName table : tables) {
      LakehouseSql.execute(lakehouse, "CREATE TABLE " + table + " USING delta AS SELECT id, CAST(id % 97 AS INT) AS bucket, "
          + "concat('name-', id) AS name FROM range(0, " + ROWS + ")");
    }
    return tables;
  }

  private AuditRequest request(TableName table) {
    return new AuditRequest(table, TableName.parse(schema + "_pr." + table.table()), 0L, false, false);
  }

  private Result measure(String name, int tables, Work work) throws Exception {
    counting.reset();
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, (double) counting.statements() / tables, seconds);
  }

  private interface Work {
    void run() throws Exception;
  }

  private record Result(String name, double statementsPerTable, double seconds) {}

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
