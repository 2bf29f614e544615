package io.deltapromotion.infrastructure.warehouse.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The pooled DataSource a service reaches the warehouse through. Opening a warehouse session costs
 * about a second (a Thrift handshake and a new Spark session on the lakehouse, an HTTP session on
 * Databricks), far more than most of our statements, so sessions are reused. Connections open lazily:
 * a service starts even while the warehouse is down, and its statements fail (and are retried) until
 * the warehouse is back.
 */
public final class WarehouseConnectionPool {

  private WarehouseConnectionPool() {}

  public static HikariDataSource open(WarehouseProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("warehouse");
    config.setJdbcUrl(properties.jdbcUrl());
    config.setUsername(properties.user());
    config.setPassword(properties.password());
    config.setMaximumPoolSize(properties.maxConnections());
    config.setMinimumIdle(0);
    config.setConnectionTimeout(properties.connectionTimeout().toMillis());
    config.setInitializationFailTimeout(-1);
    if (properties.disableVariableSubstitution()) {
      config.setConnectionInitSql(WarehouseProperties.NO_VARIABLE_SUBSTITUTION);
    }
    return new HikariDataSource(config);
  }
}
