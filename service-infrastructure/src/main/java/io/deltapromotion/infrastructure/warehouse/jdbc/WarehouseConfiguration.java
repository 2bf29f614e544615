package io.deltapromotion.infrastructure.warehouse.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.deltapromotion.infrastructure.warehouse.WriteGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Warehouse} of a service, over pooled JDBC sessions, from {@link WarehouseProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource warehouseDataSource(WarehouseProperties properties) {
    return WarehouseConnectionPool.open(properties);
  }

  /**
   * @param guard the service's {@link WriteGuard}, when it declares one
   * @param meters where statement times go ({@link MicrometerStatementTimer}), when metrics are on
   */
  @Bean
  Warehouse warehouse(HikariDataSource warehouseDataSource, WarehouseProperties properties, ObjectProvider<WriteGuard> guard,
      ObjectProvider<MeterRegistry> meters) {
    MeterRegistry registry = meters.getIfAvailable();
    StatementTimer timer = registry == null ? StatementTimer.NONE : new MicrometerStatementTimer(registry);
    return new JdbcWarehouse(warehouseDataSource, WarehouseDialect.fromJdbcUrl(properties.jdbcUrl()),
        properties.statementTimeout(), guard.getIfAvailable(() -> WriteGuard.NONE), timer);
  }
}
