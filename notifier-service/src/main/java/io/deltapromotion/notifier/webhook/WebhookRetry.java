package io.deltapromotion.notifier.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * How a webhook post is retried: up to {@code maxAttempts} posts, waiting {@code initialBackoff},
 * doubling up to {@code maxBackoff}.
 */
public record WebhookRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public WebhookRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
    }
  }

  /** The wait after the given (1-based) failed attempt. */
  Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  /** The server's Retry-After (in seconds), capped at the longest backoff; else the computed wait. */
  Duration retryAfter(Optional<String> header, Duration computed) {
    try {
      return header.map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
          .map(wait -> wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait)
          .orElse(computed);
    } catch (NumberFormatException e) {
      return computed;
    }
  }
}
