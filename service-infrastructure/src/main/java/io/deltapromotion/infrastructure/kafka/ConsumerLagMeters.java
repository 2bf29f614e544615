package io.deltapromotion.infrastructure.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The gauge {@value #NAME}, tagged {@code group} and {@code topic}: how many events of the topic this
 * instance's consumers of the group have still to read, summed over the partitions they are assigned.
 * It is the consumers' own {@code records-lag} (the last stable offset minus their position), so a
 * transaction's commit marker, which no consumer commits past, does not count as an event behind; summed
 * over the instances it is the group's lag. A (group, topic) gets its gauge the first time one of its
 * partitions is measured, looked for every {@code discoverEvery}.
 */
public final class ConsumerLagMeters implements AutoCloseable {

  public static final String NAME = "deltapromotion.consumer.lag";

  private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeters.class);
  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

  private final ListenerContainerRegistry containers;
  private final MeterRegistry meters;
  private final Set<GroupTopic> registered = new HashSet<>();
  private final ScheduledExecutorService discovery = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "consumer-lag-meters");
    thread.setDaemon(true);
    return thread;
  });

  public ConsumerLagMeters(ListenerContainerRegistry containers, MeterRegistry meters, Duration discoverEvery) {
    this.containers = containers;
    this.meters = meters;
    discovery.scheduleWithFixedDelay(this::registerNewOnes, 0, discoverEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The lag of every (group, topic) this instance consumes now. */
  Map<GroupTopic, Double> lags() {
    Map<GroupTopic, Double> lags = new HashMap<>();
    for (MessageListenerContainer container : containers.getAllListenerContainers()) {
      String group = container.getGroupId();
      if (group == null) {
        continue;
      }
      container.metrics().values().forEach(clientMetrics -> clientMetrics.forEach((name, metric) -> {
        String topic = name.tags().get("topic");
        if (isPartitionLag(name) && topic != null && metric.metricValue() instanceof Double lag && !lag.isNaN()) {
          lags.merge(new GroupTopic(group, topic), lag, Double::sum);
        }
      }));
    }
    return lags;
  }

  private static boolean isPartitionLag(MetricName name) {
    return FETCH_METRICS.equals(name.group()) && "records-lag".equals(name.name()) && name.tags().containsKey("partition");
  }

  private synchronized void registerNewOnes() {
    Set<GroupTopic> measured;
    try {
      measured = lags().keySet();
    } catch (RuntimeException e) {
      // A container between consumers (a rebalance, a restart): look again next time.
      log.debug("could not read the consumers' lag: {}", e.toString());
      return;
    }
    for (GroupTopic key : measured) {
      if (registered.add(key)) {
        Gauge.builder(NAME, () -> lags().getOrDefault(key, 0.0))
            .description("Events of the topic this instance's consumers of the group have still to read")
            .tag("group", key.group()).tag("topic", key.topic())
            .register(meters);
      }
    }
  }

  @Override
  public void close() {
    discovery.shutdownNow();
  }

  record GroupTopic(String group, String topic) {}
}
