package io.deltapromotion.detector.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the detector watches and how often ({@code deltapromotion.detector.*}).
 *
 * @param pollInterval pause between two detection cycles (default 30s)
 * @param sourceEnvironment the environment the watched tables live in (default preprod)
 * @param targetEnvironment the environment they are promoted to (default prod)
 * @param historyDepth how many recent commits one history read fetches (default 100); commits older
 *     than that are not inspected when deciding NO_CHANGE
 * @param watch the watched tables (default none)
 */
@Validated
@ConfigurationProperties("deltapromotion.detector")
public record DetectorProperties(
    @NotNull @DefaultValue("30s") Duration pollInterval,
    @NotBlank @DefaultValue("preprod") String sourceEnvironment,
    @NotBlank @DefaultValue("prod") String targetEnvironment,
    @Min(1) @Max(10_000) @DefaultValue("100") int historyDepth,
    @Valid @DefaultValue List<Watch> watch) {

  /**
   * One watch entry.
   *
   * @param source a table ({@code schema.table} or {@code catalog.schema.table}) or every table of a
   *     schema ({@code schema.*})
   * @param target the table, or for a schema pattern the schema ({@code schema.*}), to promote to
   * @param keyColumns key columns by source table name (the last part), e.g. {@code orders: [order_id]}
   * @param releaseTag the release the versions belong to, written into the target's lineage (optional)
   */
  public record Watch(
      @NotBlank String source,
      @NotBlank String target,
      @DefaultValue Map<String, List<String>> keyColumns,
      @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,128}", message = "must be 1-128 letters, digits, '_', '.' or '-'")
      String releaseTag) {}
}
