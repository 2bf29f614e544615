package io.deltapromotion.promoter.config;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The environment ladder ({@code deltapromotion.promoter.*}).
 *
 * @param stages the stages in order, at least two; the detector watches the first, whose tables' versions
 *     climb the others one by one
 * @param reevaluateEvery how often waiting promotions are decided again (default 30s), so a soak time
 *     that ends releases its promotion without a new event
 * @param parallelPromotions how many tables are promoted at the same time (default 3; at most the QC
 *     topic's 6 partitions, and at most the warehouse's max-connections): one table's promotions always
 *     run one at a time, in order
 */
@Validated
@ConfigurationProperties("deltapromotion.promoter")
public record LadderProperties(
    @NotEmpty List<@Valid StageProperties> stages,
    @NotNull @DefaultValue("30s") Duration reevaluateEvery,
    @Min(1) @Max(6) @DefaultValue("3") int parallelPromotions) {

  /**
   * One stage, and the gates of entering it (ignored for the first stage).
   *
   * @param name the environment's name, e.g. {@code prod}
   * @param schemas its schemas ({@code schema} or {@code catalog.schema}); the n-th schema of each stage
   *     holds the same tables
   * @param qcRequired a version whose QC failed may not enter (default true)
   * @param approvalRequired each version needs a person's approval to enter (default: true for the last
   *     stage, false for the others)
   * @param minSoak how long a version must have been in the previous stage (default 0s)
   * @param cloneType {@code shallow} (default) or {@code deep} (Databricks only: refused at start-up on
   *     open-source Delta)
   * @param fourEyes an operator's order into this stage does not stand for the version's approval: it needs
   *     an approval by another operator first (default false; needs approval-required)
   */
  public record StageProperties(
      @NotBlank String name,
      @NotEmpty List<@NotBlank String> schemas,
      @DefaultValue("true") boolean qcRequired,
      Boolean approvalRequired,
      @NotNull @DefaultValue("0s") Duration minSoak,
      @NotNull @DefaultValue("shallow") CloneType cloneType,
      @DefaultValue("false") boolean fourEyes) {}
}
