package io.deltapromotion.infrastructure.warehouse.jdbc;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the warehouse is and how many sessions a service keeps open to it ({@code deltapromotion.warehouse.*}).
 *
 * @param jdbcUrl {@code jdbc:hive2://...} for the local lakehouse (default
 *     {@code jdbc:hive2://127.0.0.1:10000/default}) or {@code jdbc:databricks://...} for Databricks
 * @param user user name, if the warehouse wants one (Databricks: {@code token})
 * @param password password or personal access token; prefer the environment variable
 *     {@code DELTAPROMOTION_WAREHOUSE_PASSWORD} over a file
 * @param statementTimeout longest any one statement may run (default 10m)
 * @param maxConnections most warehouse sessions open at once (default 4): at least the service's
 *     concurrency, or its threads queue for a session
 * @param connectionTimeout longest a statement waits for a session, free or newly opened (default 30s)
 * @param disableVariableSubstitution whether each session starts with
 *     {@code SET spark.sql.variable.substitute=false} (default true), so that no {@code ${env:...}} or
 *     {@code ${system:...}} in a statement's text is replaced by the server's environment. Policy
 *     expressions and the values the services write are safe without it (their {@code $} are escaped);
 *     turn it off only for a warehouse
 *     that refuses the setting (some Databricks SQL warehouses accept only their own short list)
 */
@Validated
@ConfigurationProperties("deltapromotion.warehouse")
public record WarehouseProperties(
    @NotBlank @DefaultValue("jdbc:hive2://127.0.0.1:10000/default") String jdbcUrl,
    String user,
    String password,
    @NotNull @DefaultValue("10m") Duration statementTimeout,
    @Min(1) @DefaultValue("4") int maxConnections,
    @NotNull @DefaultValue("30s") Duration connectionTimeout,
    @DefaultValue("true") boolean disableVariableSubstitution) {

  private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)((?:pwd|password|token|auth_accesstoken|auth_client_secret|oauth2secret)=)[^;]*");

  /** The statement each session starts with when {@link #disableVariableSubstitution}. */
  public static final String NO_VARIABLE_SUBSTITUTION = "SET spark.sql.variable.substitute=false";

  /** The JDBC URL with any password or token in it replaced by {@code ***}, for logs and errors. */
  public String jdbcUrlForDisplay() {
    return SECRET_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return "WarehouseProperties[jdbcUrl=" + jdbcUrlForDisplay() + ", user=" + user + ", password=" + (password == null ? null : "***")
        + ", statementTimeout=" + statementTimeout + ", maxConnections=" + maxConnections
        + ", connectionTimeout=" + connectionTimeout + ", disableVariableSubstitution=" + disableVariableSubstitution
        + "]";
  }
}
