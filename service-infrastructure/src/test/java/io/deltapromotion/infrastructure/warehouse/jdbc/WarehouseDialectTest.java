package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehouseDialectTest {

  @Test
  void givenAHive2UrlThenTheWarehouseIsOpenSourceDeltaWithoutDeepCloneOrAtomicReplace() {
    WarehouseDialect dialect = WarehouseDialect.fromJdbcUrl("jdbc:hive2://127.0.0.1:10000/default");

    assertThat(dialect).isEqualTo(WarehouseDialect.OPEN_SOURCE_DELTA);
    assertThat(dialect.supportsDeepClone()).isFalse();
    assertThat(dialect.replacesNonEmptyTableInOneClone()).isFalse();
  }

  @Test
  void givenADatabricksUrlThenTheWarehouseIsDatabricks() {
    WarehouseDialect dialect = WarehouseDialect.fromJdbcUrl(
        "jdbc:databricks://adb-1.azuredatabricks.net:443/default;transportMode=http;httpPath=/sql/1.0/warehouses/abc");

    assertThat(dialect).isEqualTo(WarehouseDialect.DATABRICKS);
    assertThat(dialect.supportsDeepClone()).isTrue();
  }

  @Test
  void givenAnyOtherUrlThenTheErrorSaysWhichAreSupportedWithoutLeakingParameters() {
    assertThatThrownBy(() -> WarehouseDialect.fromJdbcUrl("jdbc:postgresql://h/db;password=secret"))
        .hasMessageContaining("jdbc:hive2://")
        .hasMessageContaining("jdbc:databricks://")
        .hasMessageNotContaining("secret");
  }

  @Test
  void givenBothDriversOnTheClasspathThenEachUrlFindsItsDriver() throws Exception {
    assertThat(java.sql.DriverManager.getDriver("jdbc:hive2://127.0.0.1:10000/default")).isNotNull();
    assertThat(java.sql.DriverManager.getDriver("jdbc:databricks://example:443/default")).isNotNull();
  }
}
