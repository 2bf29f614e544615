package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.CountingDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.StatementKind;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What one promotion asks of the warehouse, statement by statement, on the local lakehouse: warehouse
 * statements are what promotions cost, so every one is accounted for here. Failed statements count (the
 * lineage read and the clone's history read that find no table are round trips too).
 */
@RequiresLocalStack(Component.LAKEHOUSE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionStatementsIT {

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String preprod = "stmts_" + run + "_pp";
  private final String prod = "stmts_" + run + "_pr";
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);
  private final CountingDataSource counting = new CountingDataSource(lakehouse);
  private final Promoter promoter = new Promoter(
      new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2)),
      Clock.systemUTC(), "promoter-service");

  @BeforeAll
  void createTheSchemas() {
    sql("CREATE SCHEMA " + preprod, "CREATE SCHEMA " + prod);
  }

  @AfterAll
  void dropTheSchemas() {
    sql("DROP SCHEMA " + preprod + " CASCADE", "DROP SCHEMA " + prod + " CASCADE");
  }

  @Test
  void givenNoTargetYet_whenAVersionIsPromoted_thenTheWarehouseRunsEightStatements() {
    TableName source = source("orders");

    List<StatementKind> statements = promote(source, 0);

    assertThat(statements).as("lineage read (no table), the source version's comment (its location, then its log), "
        + "the clone's own look at the target (no table), the clone between setting and resetting its commit note, "
        + "the clone's commit read back for verification").containsExactly(
        StatementKind.SHOW,
        StatementKind.DESCRIBE, StatementKind.QUERY,
        StatementKind.HISTORY,
        StatementKind.SESSION, StatementKind.CLONE, StatementKind.SESSION,
        StatementKind.HISTORY);
  }

  @Test
  void givenATargetHoldingAnEarlierVersion_whenTheNextIsPromoted_thenOpenSourceDeltaTakesElevenStatements()
      {
    TableName source = source("customers");
    promote(source, 0);
    sql("INSERT INTO " + source + " VALUES (10)");

    List<StatementKind> statements = promote(source, 1);

    assertThat(statements).as("lineage read, the source version's comment, the target's newest commit, the target "
        + "emptied (open-source Delta clones onto no non-empty table) and the clone, each between setting and "
        + "resetting its commit note, the clone's commit read back").containsExactly(
        StatementKind.SHOW,
        StatementKind.DESCRIBE, StatementKind.QUERY,
        StatementKind.HISTORY,
        StatementKind.SESSION, StatementKind.DELETE, StatementKind.SESSION,
        StatementKind.SESSION, StatementKind.CLONE, StatementKind.SESSION,
        StatementKind.HISTORY);
  }

  @Test
  void givenTheCommentTheVersionsEventsCarried_whenPromoted_thenItIsWrittenWithoutBeingReadAgain() {
    TableName source = source("suppliers");
    sql("COMMENT ON TABLE " + source + " IS 'suppliers, as of version 1'");
    Promoter carrying = new Promoter(
        new JdbcWarehouse(counting.dataSource(), WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2)),
        Clock.systemUTC(), "promoter-service",
        (table, version) -> Optional.of(new CarriedComment("suppliers, as of version 1")));

    List<StatementKind> statements = promote(carrying, source, 1);

    assertThat(statements).as("no read of the source version's comment").containsExactly(
        StatementKind.SHOW,
        StatementKind.HISTORY,
        StatementKind.SESSION, StatementKind.CLONE, StatementKind.SESSION,
        StatementKind.HISTORY);
    assertThat(LakehouseSql.rows(lakehouse, "DESCRIBE TABLE EXTENDED " + prod + ".suppliers"))
        .as("the clone's table comment").extracting(row -> List.of(row.get(0).strip(), String.valueOf(row.get(1)).strip()))
        .contains(List.of("Comment", "suppliers, as of version 1"));
  }

  private List<StatementKind> promote(TableName source, long version) {
    return promote(promoter, source, version);
  }

  private List<StatementKind> promote(Promoter promoter, TableName source, long version) {
    counting.reset();
    PromotionOutcome outcome = promoter.promote(new StageWrite(UUID.randomUUID().toString(), source, version,
        TableName.parse(prod + "." + source.table()), "STMTS"), CloneType.SHALLOW);
    assertThat(outcome.status()).as(String.valueOf(outcome.message())).isEqualTo(PromotionStatus.PROMOTED);
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
