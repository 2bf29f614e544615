package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.Warehouse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Warehouse} of a service, over JDBC, from {@link WarehouseProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseConfiguration {

  @Bean
  Warehouse warehouse(WarehouseProperties properties) {
    return new JdbcWarehouse(
        new JdbcUrlDataSource(properties.jdbcUrl(), properties.user(), properties.password()),
        WarehouseDialect.fromJdbcUrl(properties.jdbcUrl()),
        properties.statementTimeout());
  }
}
