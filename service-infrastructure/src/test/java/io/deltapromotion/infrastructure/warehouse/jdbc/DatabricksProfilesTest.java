package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The Spring profiles {@code databricks} and {@code databricks-token} as a service reads them: the
 * warehouse settings they make from the workspace's environment variables. (No Databricks workspace is
 * reachable from this project's machines; the driver's URL grammar is the Databricks JDBC driver's.)
 */
class DatabricksProfilesTest {

  private static final Map<String, Object> WORKSPACE = Map.of(
      "DATABRICKS_HOST", "adb-1234567890123456.7.azuredatabricks.net",
      "DATABRICKS_HTTP_PATH", "/sql/1.0/warehouses/1234567890abcdef",
      "DATABRICKS_CLIENT_ID", "5f2c0c7e-0000-4000-8000-000000000001",
      "DATABRICKS_CLIENT_SECRET", "dose-secret-value",
      "DATABRICKS_TOKEN", "dapi-token-value");

  @Test
  void givenTheDatabricksProfileThenTheWarehouseIsADatabricksSqlWarehouseReachedWithOAuthMachineToMachine()
      throws IOException {
    WarehouseProperties warehouse = warehouseWithProfiles("databricks");

    assertThat(warehouse.jdbcUrl()).isEqualTo("jdbc:databricks://adb-1234567890123456.7.azuredatabricks.net:443/default;"
        + "transportMode=http;ssl=1;httpPath=/sql/1.0/warehouses/1234567890abcdef;AuthMech=11;Auth_Flow=1;"
        + "OAuth2ClientId=5f2c0c7e-0000-4000-8000-000000000001;OAuth2Secret=dose-secret-value");
    assertThat(WarehouseDialect.fromJdbcUrl(warehouse.jdbcUrl())).isEqualTo(WarehouseDialect.DATABRICKS);
    assertThat(WarehouseDialect.fromJdbcUrl(warehouse.jdbcUrl()).supportsDeepClone()).isTrue();
    assertThat(warehouse.jdbcUrlForDisplay()).doesNotContain("dose-secret-value").contains("OAuth2Secret=***");
    assertThat(warehouse.toString()).doesNotContain("dose-secret-value");
  }

  @Test
  void givenTheTokenProfileAfterItThenThePersonalAccessTokenIsThePasswordAndNotInTheUrl() throws IOException {
    WarehouseProperties warehouse = warehouseWithProfiles("databricks", "databricks-token");

    assertThat(warehouse.jdbcUrl()).endsWith(";AuthMech=3").doesNotContain("dapi-token-value");
    assertThat(warehouse.user()).isEqualTo("token");
    assertThat(warehouse.password()).isEqualTo("dapi-token-value");
    assertThat(warehouse.toString()).doesNotContain("dapi-token-value");
    assertThat(WarehouseDialect.fromJdbcUrl(warehouse.jdbcUrl())).isEqualTo(WarehouseDialect.DATABRICKS);
  }

  /** The profiles' files layered as Spring Boot layers them (later profiles win), over the environment. */
  private static WarehouseProperties warehouseWithProfiles(String... profiles) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("workspace", WORKSPACE));
    for (String profile : profiles) {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader()
          .load(profile, new ClassPathResource("application-" + profile + ".yml"));
      assertThat(sources).as("application-%s.yml on the classpath", profile).isNotEmpty();
      sources.forEach(source -> environment.getPropertySources().addAfter("workspace", source));
    }
    return Binder.get(environment).bind("deltapromotion.warehouse", WarehouseProperties.class)
        .orElseThrow(() -> new AssertionError("no warehouse settings"));
  }
}
