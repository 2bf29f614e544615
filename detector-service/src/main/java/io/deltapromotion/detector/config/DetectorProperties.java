package io.deltapromotion.detector.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the detector watches and how ({@code deltapromotion.detector.*}). Key columns and release tags
 * come from the table policy ({@code deltapromotion.policy.file}).
 *
 * @param pollInterval pause between two detection cycles (default 30s)
 * @param pollJitter fraction by which each pause is randomly lengthened or shortened (default 0.1, ±10%)
 * @param maxBackoff longest pause after cycles in which the warehouse failed; the pause doubles per
 *     failed cycle in a row up to this (default 5m)
 * @param maxConcurrentReads how many watched tables one cycle reads at the same time (default 4)
 * @param sourceEnvironment the environment the watched tables live in (default preprod)
 * @param targetEnvironment the environment they are promoted to (default prod)
 * @param historyDepth how many recent commits one history read fetches (default 100); commits older
 *     than that are not inspected when deciding NO_CHANGE, and a pipeline cannot announce them
 * @param watch the watched tables (default none)
 * @param intake the HTTP intake for pipeline commits
 */
@Validated
@ConfigurationProperties("deltapromotion.detector")
public record DetectorProperties(
    @NotNull @DefaultValue("30s") Duration pollInterval,
    @DecimalMin("0.0") @DecimalMax("0.9") @DefaultValue("0.1") double pollJitter,
    @NotNull @DefaultValue("5m") Duration maxBackoff,
    @Min(1) @Max(64) @DefaultValue("4") int maxConcurrentReads,
    @NotBlank @DefaultValue("preprod") String sourceEnvironment,
    @NotBlank @DefaultValue("prod") String targetEnvironment,
    @Min(1) @Max(10_000) @DefaultValue("100") int historyDepth,
    @Valid @DefaultValue List<Watch> watch,
    @Valid @DefaultValue Intake intake) {

  /**
   * One watch entry.
   *
   * @param source a table ({@code schema.table} or {@code catalog.schema.table}) or every table of a
   *     schema ({@code schema.*})
   * @param target the table, or for a schema pattern the schema ({@code schema.*}), to promote to
   * @param poll whether the poll reads these tables (default true); false leaves them to their
   *     pipelines' commit events, for tables whose pipelines always announce their commits
   */
  public record Watch(@NotBlank String source, @NotBlank String target, @DefaultValue("true") boolean poll) {}

  /**
   * {@code POST /api/v1/pipeline-commits}, for pipelines without a Kafka client.
   *
   * @param tokens the bearer tokens accepted (each at least 32 characters); none (the default) disables
   *     the intake, which then answers 403
   */
  public record Intake(@DefaultValue List<@Size(min = 32,
      message = "must be at least 32 characters (e.g. openssl rand -hex 32)") String> tokens) {}
}
