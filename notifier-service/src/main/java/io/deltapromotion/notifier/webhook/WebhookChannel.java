package io.deltapromotion.notifier.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltapromotion.notifier.domain.Alert;
import io.deltapromotion.notifier.domain.EndpointId;
import io.deltapromotion.notifier.domain.NotificationChannel;
import io.deltapromotion.notifier.domain.NotificationFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts as Slack-compatible JSON ({@code {"text": "..."}}) to one incoming-webhook URL. Network
 * errors, 429 and 5xx answers are retried with exponential backoff (429's Retry-After is honoured, up
 * to the longest backoff); any other answer but 2xx fails at once.
 */
public final class WebhookChannel implements NotificationChannel {

  /** Header carrying the alert's key. */
  public static final String ALERT_KEY_HEADER = "X-Alert-Key";
  private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient http;
  private final WebhookRetry retry;
  private final Duration requestTimeout;

  public WebhookChannel(URI url, HttpClient http, WebhookRetry retry, Duration requestTimeout) {
    this.url = url;
    this.http = http;
    this.retry = retry;
    this.requestTimeout = requestTimeout;
  }

  /** The host, port and a hash of the URL: stable, and without the secret a webhook URL carries in its path. */
  @Override
  public String id() {
    return EndpointId.of("webhook", url);
  }

  @Override
  public void send(Alert alert) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        // What the alert is about: a receiver that keeps track can recognise the one alert a crash between
        // its answer and our record of it makes us send again.
        .header(ALERT_KEY_HEADER, alert.key())
        .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
        .build();
    String lastProblem = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      Duration wait = retry.backoff(attempt);
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          log.info("Alert {} posted to {}", alert.key(), redacted());
          return;
        }
        lastProblem = "answered HTTP " + status + ": " + abbreviate(response.body());
        if (status != 429 && status / 100 != 5) {
          break;
        }
        wait = retry.retryAfter(response.headers().firstValue("Retry-After"), wait);
      } catch (IOException e) {
        lastProblem = "could not be reached: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotificationFailedException("interrupted while posting to " + redacted(), e);
      }
      if (attempt < retry.maxAttempts()) {
        log.warn("Webhook {} {} (attempt {} of {}); retrying in {} ms", redacted(), lastProblem, attempt,
            retry.maxAttempts(), wait.toMillis());
        pause(wait);
      }
    }
    throw new NotificationFailedException("webhook " + redacted() + " " + lastProblem, null);
  }

  /** Webhook URLs carry their secret in the path: log only scheme, host and port. */
  private String redacted() {
    return EndpointId.redacted(url);
  }

  private static String body(Alert alert) {
    try {
      return JSON.writeValueAsString(Map.of("text", alert.text()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationFailedException("interrupted while waiting to retry a webhook", e);
    }
  }
}
