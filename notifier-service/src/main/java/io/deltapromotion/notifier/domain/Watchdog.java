package io.deltapromotion.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what the services' health says into alerts about outages: a service whose work has been held up
 * by an outage (or which has not answered at all) for longer than {@code alertAfter} is announced once,
 * with what waits for what; when it goes on again, that is announced once too. Shorter outages, which the
 * services wait out by themselves, alert nobody. A stretch is named by when it began, so a restarted
 * notifier that sees the same stretch raises the same alert (which the dispatcher does not send twice).
 */
public final class Watchdog {

  /**
   * One look at a service's health.
   *
   * @param answering whether its health endpoint answered at all
   * @param heldUp its work held up by an outage, as its health reports it; empty when none
   */
  public record Observation(String service, boolean answering, List<HeldUp> heldUp) {

    public Observation {
      heldUp = List.copyOf(heldUp);
    }

    boolean isWell() {
      return answering && heldUp.isEmpty();
    }
  }

  /** Work of a service held up by an outage: what, waiting for which dependency, since when, and why. */
  public record HeldUp(String work, String waitingFor, Instant since, String lastError) {}

  private record Stretch(Instant since, boolean announced) {}

  private final Duration alertAfter;
  private final Map<String, Stretch> stretches = new HashMap<>();

  public Watchdog(Duration alertAfter) {
    this.alertAfter = alertAfter;
  }

  public synchronized Optional<Alert> observe(Observation observation, Instant now) {
    String service = observation.service();
    Stretch stretch = stretches.get(service);
    if (observation.isWell()) {
      stretches.remove(service);
      return stretch == null || !stretch.announced() ? Optional.empty() : Optional.of(new Alert(
          "back:" + service + ":" + stretch.since(), Alert.Severity.INFO, ":white_check_mark: *" + service
              + " goes on again* after being held up since " + stretch.since() + " ("
              + Duration.between(stretch.since(), now).truncatedTo(ChronoUnit.SECONDS) + ")"));
    }
    if (stretch == null) {
      Instant since = observation.heldUp().stream().map(HeldUp::since).min(Comparator.naturalOrder()).orElse(now);
      stretch = new Stretch(since.truncatedTo(ChronoUnit.SECONDS), false);
      stretches.put(service, stretch);
    }
    if (stretch.announced() || Duration.between(stretch.since(), now).compareTo(alertAfter) < 0) {
      return Optional.empty();
    }
    stretches.put(service, new Stretch(stretch.since(), true));
    return Optional.of(new Alert("held-up:" + service + ":" + stretch.since(), Alert.Severity.ERROR,
        ":hourglass: *" + service + " is held up* since " + stretch.since() + " ("
            + Duration.between(stretch.since(), now).truncatedTo(ChronoUnit.SECONDS) + "); nothing is lost, it retries "
            + "until it can go on\n" + describe(observation)));
  }

  private static String describe(Observation observation) {
    if (!observation.answering()) {
      return "its health endpoint does not answer (is it running?)";
    }
    return observation.heldUp().stream().map(held -> held.work() + " waits for " + held.waitingFor() + ": "
        + held.lastError()).collect(Collectors.joining("\n"));
  }
}
