package io.deltapromotion.infrastructure.warehouse.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.deltapromotion.infrastructure.warehouse.WriteGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
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
   * @param tracer the spans of the statements ({@link TracingStatementTimer}), when tracing is on
   */
  @Bean
  Warehouse warehouse(HikariDataSource warehouseDataSource, WarehouseProperties properties, ObjectProvider<WriteGuard> guard,
      ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer) {
    MeterRegistry registry = meters.getIfAvailable();
    StatementTimer measured = registry == null ? StatementTimer.NONE : new MicrometerStatementTimer(registry);
    Tracer spans = tracer.getIfAvailable();
    StatementTimer timer = spans == null ? measured : new TracingStatementTimer(spans, measured, Clock.systemUTC());
    return new JdbcWarehouse(warehouseDataSource, WarehouseDialect.fromJdbcUrl(properties.jdbcUrl()),
        properties.statementTimeout(), guard.getIfAvailable(() -> WriteGuard.NONE), timer);
  }
}
