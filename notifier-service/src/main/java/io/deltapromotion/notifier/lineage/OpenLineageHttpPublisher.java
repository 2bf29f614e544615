package io.deltapromotion.notifier.lineage;

import io.deltapromotion.notifier.domain.EndpointId;
import io.deltapromotion.notifier.domain.LineagePublisher;
import io.deltapromotion.notifier.domain.LineageUnavailableException;
import io.deltapromotion.notifier.domain.PromotionRun;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts runs to an OpenLineage HTTP endpoint (Marquez's {@code /api/v1/lineage}, or any other that takes
 * the OpenLineage API) with openlineage-java's HTTP transport. Any failure, an error answer included, is
 * an outage of the endpoint: the run is kept and posted again.
 */
public final class OpenLineageHttpPublisher implements LineagePublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenLineageHttpPublisher.class);

  private final URI endpoint;
  private final OpenLineageEvents events;
  private final HttpTransport transport;

  /**
   * @param url the endpoint's base URL, e.g. {@code http://marquez:5000}
   * @param path the path events are posted to, e.g. {@code /api/v1/lineage}
   * @param apiKey sent as a bearer token; null for none
   */
  public OpenLineageHttpPublisher(URI url, String path, String apiKey, Duration timeout, OpenLineageEvents events) {
    this.endpoint = url.resolve(path);
    this.events = events;
    HttpConfig config = new HttpConfig();
    config.setUrl(url);
    config.setEndpoint(path);
    config.setTimeoutInMillis(Math.toIntExact(timeout.toMillis()));
    if (apiKey != null && !apiKey.isBlank()) {
      ApiKeyTokenProvider token = new ApiKeyTokenProvider();
      token.setApiKey(apiKey);
      config.setAuth(token);
    }
    this.transport = new HttpTransport(config);
  }

  @Override
  public String id() {
    return EndpointId.of("openlineage", endpoint);
  }

  @Override
  public void publish(PromotionRun run) {
    try {
      transport.emit(events.runEvent(run));
    } catch (RuntimeException e) {
      throw new LineageUnavailableException("the OpenLineage endpoint " + EndpointId.redacted(endpoint)
          + " did not take the run of " + run.summary() + ": " + e.getMessage(), e);
    }
    log.info("Lineage of {} sent to {}", run.summary(), EndpointId.redacted(endpoint));
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
