package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.CountingDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.StatementKind;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.policy.PolicyFileReader;
import io.deltapromotion.policy.TablePolicies;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What detecting one new version asks of the warehouse, statement by statement, on the local lakehouse:
 * the poll's cost per table that moved. A failed statement counts (a round trip all the same).
 */
@RequiresLocalStack(Component.LAKEHOUSE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionStatementsIT {

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String preprod = "detect_" + run + "_pp";
  private final String prod = "detect_" + run + "_pr";
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);
  private final CountingDataSource counting = new CountingDataSource(lakehouse);
  private final JdbcWarehouse warehouse =
      new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private final List<Detection> announced = new ArrayList<>();
  private final AnnouncedVersions versions = new AnnouncedVersions();

  @BeforeAll
  void createTheSchemas() {
    sql("CREATE SCHEMA " + preprod, "CREATE SCHEMA " + prod);
  }

  @AfterAll
  void dropTheSchemas() {
    sql("DROP SCHEMA " + preprod + " CASCADE", "DROP SCHEMA " + prod + " CASCADE");
  }

  @Test
  void givenATableNeverPromoted_whenItsFirstVersionIsDetected_thenTheWarehouseRunsFiveStatements() {
    TableName source = source("orders");

    List<StatementKind> statements = detect(source);

    assertThat(announced).extracting(Detection::category).containsExactly(ChangeCategory.NEW_TABLE);
    assertThat(statements).as("the source's history; its schema and comment at the version (its columns there, "
        + "its location, one query of its log); the target's properties, finding no table").containsExactly(
        StatementKind.HISTORY,
        StatementKind.QUERY, StatementKind.DESCRIBE, StatementKind.QUERY,
        StatementKind.SHOW);
  }

  @Test
  void givenATablePromotedBefore_whenItsNextVersionIsDetected_thenTheWarehouseRunsNineStatements() {
    TableName source = source("customers");
    TableName target = TableName.parse(prod + ".customers");
    warehouse.clone(CloneRequest.shallow(source, 0, target,
        new Lineage(source, 0, null, Instant.now(), UUID.randomUUID().toString()).toProperties("promoter-service")));
    sql("INSERT INTO " + source + " VALUES (10)");

    List<StatementKind> statements = detect(source);

    assertThat(announced).extracting(Detection::category).containsExactly(ChangeCategory.DATA_ONLY);
    assertThat(statements).as("the source's history and its schema and comment at the version; the target's "
        + "properties (its lineage), its newest version, and its schema there").containsExactly(
        StatementKind.HISTORY,
        StatementKind.QUERY, StatementKind.DESCRIBE, StatementKind.QUERY,
        StatementKind.SHOW,
        StatementKind.HISTORY,
        StatementKind.QUERY, StatementKind.DESCRIBE, StatementKind.QUERY);
  }

  private List<StatementKind> detect(TableName source) {
    TableName target = TableName.parse(prod + "." + source.table());
    TablePolicies policies = PolicyFileReader.read("policy.yaml", "tables:\n  - match: " + source + "\n    key-columns: [id]\n");
    ChangeDetector detector = new ChangeDetector(warehouse, List.of(WatchedTables.table(source, target)), policies,
        versions, new RefusedTables(), new ChangeAnnouncer() {
          @Override
          public void announce(Detection detection) {
            announced.add(detection);
            versions.record(detection);
          }

          @Override
          public void skipped(SchemaTables.RefusedName table) {}
        }, 10, Runnable::run);
    announced.clear();
    counting.reset();
    CycleOutcome outcome = detector.runCycle();
    assertThat(outcome.failedReads()).as("tables that could not be read").isZero();
    return counting.executedKinds();
  }

  private TableName source(String table) {
    TableName source = TableName.parse(preprod + "." + table);
    sql("CREATE TABLE " + source + " USING delta AS SELECT id FROM range(0, 10)");
    return source;
  }

  private void sql(String... statements) {
    LakehouseSql.execute(lakehouse, statements);
  }
}
