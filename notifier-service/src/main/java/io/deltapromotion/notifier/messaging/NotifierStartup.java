package io.deltapromotion.notifier.messaging;

import io.deltapromotion.infrastructure.failure.OutageMonitor;
import io.deltapromotion.infrastructure.kafka.ReplayThenSchedule;
import io.deltapromotion.notifier.config.NotifierProperties;
import io.deltapromotion.notifier.domain.Alert;
import io.deltapromotion.notifier.domain.AlertDispatcher;
import io.deltapromotion.notifier.domain.Watchdog;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watches the services' health (and its own) for outages that last, on a schedule, when this instance
 * runs the watch ({@link AlertOwnership}); starts once the delivered alerts were read ({@link DeliveryLogConfiguration}).
 */
@Component
class NotifierStartup extends ReplayThenSchedule {

  private static final Logger log = LoggerFactory.getLogger(NotifierStartup.class);

  private final AlertDispatcher dispatcher;
  private final AlertOwnership ownership;
  private final Watchdog watchdog;
  private final NotifierProperties.Watch watch;
  private final HealthProbe probe;
  private final OutageMonitor ownOutages;
  private final String self;
  private final Clock clock = Clock.systemUTC();
  private final List<Alert> undelivered = new ArrayList<>();

  NotifierStartup(AlertDispatcher dispatcher, AlertOwnership ownership, Watchdog watchdog,
      NotifierProperties properties, HttpClient webhookClient, OutageMonitor ownOutages,
      @Value("${spring.application.name}") String self) {
    super("outage-watch");
    this.dispatcher = dispatcher;
    this.ownership = ownership;
    this.watchdog = watchdog;
    this.watch = properties.watch();
    this.probe = new HealthProbe(webhookClient);
    this.ownOutages = ownOutages;
    this.self = self;
  }

  /** Nothing: the delivery log's follower read the delivered alerts before this starts. */
  @Override
  protected void replay() {
  }

  @Override
  protected void begin() {
    scheduleRepeatedly(this::watch, watch.every());
  }

  private void watch() {
    if (!ownership.watches()) {
      return;
    }
    List<Watchdog.Observation> observations = new ArrayList<>();
    observations.add(new Watchdog.Observation(self, true, ownOutages.stalls().stream()
        .map(stall -> new Watchdog.HeldUp(stall.work(), stall.dependency().name(), stall.since(), stall.lastError()))
        .toList()));
    for (NotifierProperties.WatchedService service : watch.services()) {
      observations.add(probe.look(service.name(), service.url()));
    }
    for (Watchdog.Observation observation : observations) {
      Optional<Alert> alert = watchdog.observe(observation, clock.instant());
      alert.ifPresent(raised -> {
        log.info("ALERT [{}] {}", raised.severity(), raised.text().replace('\n', ' '));
        undelivered.add(raised);
      });
    }
    sendUndelivered();
  }

  /** Alerts the channels or the delivery log could not take yet are tried again on every watch. */
  private void sendUndelivered() {
    for (Alert alert : List.copyOf(undelivered)) {
      try {
        dispatcher.dispatch(alert);
        undelivered.remove(alert);
      } catch (RuntimeException e) {
        log.warn("Could not deliver alert {} now ({}); it is tried again on the next watch", alert.key(), e.getMessage());
      }
    }
  }
}
