package io.deltapromotion.promoter.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.QcStatus;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcUrlDataSource;
import io.deltapromotion.infrastructure.warehouse.jdbc.JdbcWarehouse;
import io.deltapromotion.infrastructure.warehouse.jdbc.LakehouseSql;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.stack.PromoterOnTheStack;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The clone health check on the real stack (preprod → prod, checked every 2 s): a prod clone that went
 * missing is cloned again at the version prod held; one whose files were vacuumed from its source, with
 * the source version gone too, is reported FAILED once, with the reason; one someone else wrote is reported
 * FAILED, and left as it is.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY, Component.LAKEHOUSE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloneHealthIT {

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String preprod = "health_" + run + "_pp";
  private final String prod = "health_" + run + "_pr";
  private final StackSettings stack = LocalStackExtension.settings();
  private final JdbcUrlDataSource lakehouse = new JdbcUrlDataSource(stack.lakehouseJdbcUrl(), null, null);
  private final JdbcWarehouse warehouse = new JdbcWarehouse(lakehouse, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private PromoterOnTheStack promoter;

  @BeforeAll
  void startThePromoter() {
    sql("CREATE SCHEMA " + preprod, "CREATE SCHEMA " + prod);
    Map<String, String> settings = new java.util.HashMap<>(PromoterOnTheStack.ladder("preprod", preprod, "prod", prod));
    settings.putAll(Map.of(
        "deltapromotion.promoter.stages[1].approval-required", "false",
        "deltapromotion.promoter.clone-health.every", "2s",
        "deltapromotion.promoter.release-registry.enabled", "false"));
    promoter = PromoterOnTheStack.start(stack, "promoter-service-health-it-" + run, settings);
  }

  @AfterAll
  void stopThePromoter() {
    if (promoter != null) {
      promoter.close();
    }
  }

  @Test
  void givenAProdCloneThatWentMissing_whenChecked_thenItIsClonedAgainAtTheVersionProdHeld() throws Exception {
    TableName orders = promoted("orders");
    sql("DROP TABLE " + prod + ".orders");

    PromotionDone repaired = promoter.awaitOutcome(done -> done.getSourceTable().equals(orders.toString())
        && done.getStatus() == PromotionStatus.PROMOTED && done.getError() != null);

    assertThat(repaired.getError()).startsWith("repaired: " + prod + ".orders cannot be read")
        .endsWith("version 0 of " + orders + " was cloned again");
    assertThat(warehouse.properties(TableName.parse(prod + ".orders"))).containsEntry("promoted_version", "0");
  }

  @Test
  void givenAProdCloneWhoseFilesWereVacuumedFromItsSource_whenChecked_thenItIsReportedFailedOnceWithTheReason()
      throws Exception {
    TableName events = promoted("events");
    try (Connection connection = lakehouse.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT OVERWRITE " + events + " SELECT id FROM range(100, 103)");
      statement.execute("SET spark.databricks.delta.retentionDurationCheck.enabled = false");
      statement.execute("VACUUM " + events + " RETAIN 0 HOURS");
    }

    PromotionDone failed = promoter.awaitOutcome(done -> done.getSourceTable().equals(events.toString())
        && done.getStatus() == PromotionStatus.FAILED);

    assertThat(failed.getError()).startsWith(prod + ".events cannot be read")
        .contains("it cannot be repaired: version 0 of " + events + " cannot be read either");
    assertThat(failed.getSourceVersion()).isEqualTo(0L);
    org.awaitility.Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
        promoter.outcomes().stream().filter(done -> done.getSourceTable().equals(events.toString())
            && done.getStatus() == PromotionStatus.FAILED).count() == 1);
  }

  @Test
  void givenAProdTableWrittenBySomeoneElse_whenChecked_thenItsPromotionEndsFailedSayingSo_andNoOtherTableIsFlagged()
      throws Exception {
    TableName grants = promoted("grants");
    sql("INSERT INTO " + prod + ".grants VALUES (99)");

    PromotionDone flagged = promoter.awaitOutcome(done -> done.getSourceTable().equals(grants.toString())
        && done.getStatus() == PromotionStatus.FAILED);

    assertThat(flagged.getError()).startsWith(prod + ".grants was written outside the promoter: its version 1 (WRITE at ")
        .contains("came after version 0, the promoter's write of version 0 of " + grants);
    assertThat(warehouse.history(TableName.parse(prod + ".grants"), 1).get(0).version()).as("left as it is").isEqualTo(1);
    assertThat(promoter.outcomes()).filteredOn(done -> done.getError() != null && done.getError().contains("written outside"))
        .as("only the table someone else wrote").extracting(PromotionDone::getSourceTable).containsOnly(grants.toString());
  }

  private TableName promoted(String table) throws Exception {
    TableName source = TableName.parse(preprod + "." + table);
    sql("CREATE TABLE " + source + " USING delta AS SELECT id FROM range(0, 10)");
    promoter.publish(promoter.report(source, 0, TableName.parse(prod + "." + table), QcStatus.PASS, null));
    promoter.awaitOutcome(source, "prod", PromotionStatus.PROMOTED);
    return source;
  }

  private void sql(String... statements) {
    LakehouseSql.execute(lakehouse, statements);
  }

}
