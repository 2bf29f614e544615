package io.deltapromotion.promoter.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clone health check ({@code deltapromotion.promoter.clone-health.*}): every stage's table is read
 * (every data file opened, no rows read) at start-up and then periodically; a broken one is re-cloned
 * at the version it holds, or reported FAILED.
 *
 * @param enabled run the check (default true)
 * @param every how long between checks (default 1h)
 */
@Validated
@ConfigurationProperties("deltapromotion.promoter.clone-health")
public record CloneHealthProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("1h") Duration every) {

  public CloneHealthProperties {
    if (every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("deltapromotion.promoter.clone-health.every must be positive, got " + every);
    }
  }
}
