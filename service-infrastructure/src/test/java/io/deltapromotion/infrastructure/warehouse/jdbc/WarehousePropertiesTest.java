package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarehousePropertiesTest {

  @Test
  void givenADatabricksUrlCarryingItsToken_whenShown_thenTheTokenAndThePasswordAreMasked() {
    WarehouseProperties properties = new WarehouseProperties(
        "jdbc:databricks://adb-1.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;UID=token;"
            + "PWD=dapi0123456789abcdef;httpPath=/sql/1.0/warehouses/abc", "token", "dapi-secret", Duration.ofMinutes(10), 4,
        Duration.ofSeconds(30), true);

    assertThat(properties.toString()).doesNotContain("dapi0123456789abcdef").doesNotContain("dapi-secret")
        .contains("PWD=***;httpPath=/sql/1.0/warehouses/abc").contains("password=***");
    assertThat(properties.jdbcUrlForDisplay()).contains("UID=token;PWD=***;");
  }
}
