package io.deltapromotion.detector.config;

import io.deltapromotion.infrastructure.warehouse.TableName;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The promotion design's governance tables the detector keeps from the log
 * ({@code deltapromotion.detector.governance.*}); each is created with its schema if absent.
 *
 * @param enabled keep them (default true)
 * @param candidatesTable every announced version (default {@code dap_meta.promotion_candidates})
 * @param snapshotsTable the schema hash of every version announced or written (default
 *     {@code dap_meta.schema_snapshots})
 * @param registryTable per pre-prod table, its key columns and what its target stage holds (default
 *     {@code dap_meta.table_registry})
 */
@Validated
@ConfigurationProperties("deltapromotion.detector.governance")
public record GovernanceTablesProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("dap_meta.promotion_candidates") String candidatesTable,
    @NotBlank @DefaultValue("dap_meta.schema_snapshots") String snapshotsTable,
    @NotBlank @DefaultValue("dap_meta.table_registry") String registryTable) {

  public GovernanceTablesProperties {
    TableName.parse(candidatesTable);
    TableName.parse(snapshotsTable);
    TableName.parse(registryTable);
  }
}
