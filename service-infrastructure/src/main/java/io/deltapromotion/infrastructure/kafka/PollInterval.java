package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A consumer must poll again within {@code max.poll.interval.ms}, or the broker takes its partitions away
 * and its event is delivered again: worked on again, taken away again, in a loop. So a service whose
 * event may take a long time (an audit's scan, a clone) refuses to start when the interval is not longer.
 */
public final class PollInterval {

  /** Kafka's default, used when the configuration does not set one. */
  static final Duration KAFKA_DEFAULT = Duration.ofMinutes(5);

  private PollInterval() {}

  /**
   * @param longestEvent the longest one event may keep a consumer from polling
   * @param why what that is made of, for the message
   * @throws IllegalStateException when the consumers' interval is not longer
   */
  public static void requireLongerThan(Map<String, Object> consumerConfig, Duration longestEvent, String why) {
    Object configured = consumerConfig.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
    Duration interval = configured == null ? KAFKA_DEFAULT : Duration.ofMillis(Long.parseLong(configured.toString()));
    if (interval.compareTo(longestEvent) <= 0) {
      throw new IllegalStateException("spring.kafka.consumer.properties." + ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG
          + " is " + interval.toMillis() + " ms, but one event may take " + longestEvent.toMillis() + " ms (" + why
          + "): the event would be delivered again and again. Raise it above " + longestEvent.toMillis() + " ms, or "
          + "lower the timeouts.");
    }
  }
}
