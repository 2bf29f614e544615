package io.deltapromotion.qc.config;

import io.deltapromotion.infrastructure.warehouse.TableName;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether qc-service also keeps its reports in a Delta table ({@code deltapromotion.qc.reports.*}).
 * The {@code QcCompleted} events stay the reports; the table is a copy for SQL users.
 *
 * @param enabled append every report to the table (default true)
 * @param table the table, {@code schema.table} or {@code catalog.schema.table} (default
 *     {@code dap_meta.quality_reports}); created with its schema if absent
 */
@Validated
@ConfigurationProperties("deltapromotion.qc.reports")
public record QualityReportsProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("dap_meta.quality_reports") String table) {

  public QualityReportsProperties {
    TableName.parse(table);
  }

  public TableName tableName() {
    return TableName.parse(table);
  }
}
