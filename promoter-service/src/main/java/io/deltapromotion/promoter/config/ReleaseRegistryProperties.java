package io.deltapromotion.promoter.config;

import io.deltapromotion.infrastructure.warehouse.TableName;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Delta audit table of promotion outcomes ({@code deltapromotion.promoter.release-registry.*}). The
 * {@code PromotionDone} events stay the record; the table is a copy for SQL users, rebuilt from them on
 * demand.
 *
 * @param enabled write every final outcome to the table (default true)
 * @param table the table, {@code schema.table} or {@code catalog.schema.table} (default
 *     {@code dap_meta.release_registry}, the documents'); created with its schema if absent
 */
@Validated
@ConfigurationProperties("deltapromotion.promoter.release-registry")
public record ReleaseRegistryProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("dap_meta.release_registry") String table) {

  public ReleaseRegistryProperties {
    TableName.parse(table);
  }

  public TableName tableName() {
    return TableName.parse(table);
  }
}
