package io.deltapromotion.infrastructure.health;

import io.deltapromotion.infrastructure.failure.OutageMonitor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code outages} health component: DOWN while any work of the service is held up by an outage,
 * with what, since when, how many attempts and the latest error, so operators (and the notifier's
 * watchdog) see what waits and why.
 */
public final class OutageHealthIndicator implements HealthIndicator {

  private final OutageMonitor monitor;
  private final Clock clock;

  public OutageHealthIndicator(OutageMonitor monitor, Clock clock) {
    this.monitor = monitor;
    this.clock = clock;
  }

  @Override
  public Health health() {
    List<OutageMonitor.Stall> stalls = monitor.stalls();
    if (stalls.isEmpty()) {
      return Health.up().build();
    }
    Instant now = clock.instant();
    List<Map<String, Object>> held = stalls.stream().map(stall -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("work", stall.work());
      detail.put("waitingFor", stall.dependency().name());
      detail.put("since", stall.since().toString());
      detail.put("seconds", stall.duration(now).toSeconds());
      detail.put("attempts", stall.attempts());
      detail.put("lastError", stall.lastError());
      return detail;
    }).toList();
    return Health.down().withDetail("heldUp", held).build();
  }
}
