package io.deltapromotion.notifier.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where alerts go and which events raise one ({@code deltapromotion.notifier.*}).
 *
 * @param webhookUrls Slack-compatible incoming-webhook URLs (http or https); every alert goes to each
 *     (default none: alerts are only logged)
 * @param notifyOnPromoted also alert on successful promotions (default false)
 * @param notifyOnQcWarn alert on QC warnings, which do not block a promotion (default true)
 * @param maxAttempts posts per alert and URL before giving up (default 5)
 * @param initialBackoff wait after the first failed post, doubled after each (default 500ms)
 * @param maxBackoff longest wait between two posts (default 10s)
 * @param requestTimeout longest one post may take (default 10s)
 * @param rememberedDeliveries how many recent deliveries are remembered to never send one twice (default 100000)
 * @param watch the services whose health is watched for outages that last (default: none but this one)
 * @param lineage where promotion runs are sent as OpenLineage events (default: nowhere)
 */
@Validated
@ConfigurationProperties("deltapromotion.notifier")
public record NotifierProperties(
    @NotNull @DefaultValue List<URI> webhookUrls,
    @DefaultValue("false") boolean notifyOnPromoted,
    @DefaultValue("true") boolean notifyOnQcWarn,
    @Min(1) @Max(20) @DefaultValue("5") int maxAttempts,
    @NotNull @DefaultValue("500ms") Duration initialBackoff,
    @NotNull @DefaultValue("10s") Duration maxBackoff,
    @NotNull @DefaultValue("10s") Duration requestTimeout,
    @Min(100) @DefaultValue("100000") int rememberedDeliveries,
    @NotNull @Valid @DefaultValue Watch watch,
    @NotNull @Valid @DefaultValue Lineage lineage) {

  /**
   * The outage watch ({@code deltapromotion.notifier.watch.*}): the services' health endpoints are read
   * every {@code every}; a service whose work is held up by an outage (or which does not answer) for
   * longer than {@code heldUpAlertAfter} is announced once, and once more when it goes on again.
   *
   * @param services name and base URL of each service to watch, e.g. {@code {name: qc-service, url:
   *     http://127.0.0.1:8092}}; this notifier watches itself without being listed (default none)
   * @param heldUpAlertAfter how long work may be held up before people hear of it (default 3m)
   * @param every how often the health endpoints are read (default 15s)
   */
  public record Watch(@NotNull @DefaultValue List<@Valid WatchedService> services,
      @NotNull @DefaultValue("3m") Duration heldUpAlertAfter, @NotNull @DefaultValue("15s") Duration every) {}

  /**
   * OpenLineage ({@code deltapromotion.notifier.lineage.*}): every promotion run (a version written into a
   * stage table, or refused by the warehouse) is sent once as a RunEvent, with QC's report of that version,
   * to the HTTP endpoint, the lineage topic, or both.
   *
   * @param url the OpenLineage HTTP endpoint's base URL, e.g. {@code http://marquez:5000}; none (the
   *     default) posts nothing
   * @param kafka also write each run to the topic {@code delta-promotion.lineage} (default false)
   * @param path where events are posted under it (default /api/v1/lineage, Marquez's)
   * @param apiKey sent as a bearer token (default none)
   * @param timeout longest one post, or one write to the topic, may take (default 10s)
   * @param jobNamespace the namespace of the promotion jobs, one per stage table (default delta-promotion)
   * @param datasetNamespace the warehouse's namespace in OpenLineage's naming, the one the other producers
   *     of lineage about these tables use so that the graphs join up, e.g. {@code databricks://<workspace
   *     host>} (default delta-promotion)
   * @param producer who the events say produced them (default urn:delta-promotion:notifier-service)
   * @param versionsPerTable the QC reports of this many newest versions of each table are kept for the
   *     events (default 32)
   */
  public record Lineage(URI url, @DefaultValue("false") boolean kafka,
      @NotBlank @DefaultValue("/api/v1/lineage") String path, String apiKey, @NotNull @DefaultValue("10s") Duration timeout,
      @NotBlank @DefaultValue("delta-promotion") String jobNamespace,
      @NotBlank @DefaultValue("delta-promotion") String datasetNamespace,
      @NotNull @DefaultValue("urn:delta-promotion:notifier-service") URI producer,
      @Min(1) @DefaultValue("32") int versionsPerTable) {

    public Lineage {
      if (url != null && (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null)) {
        throw new IllegalArgumentException("deltapromotion.notifier.lineage.url: '" + url.getScheme() + "://"
            + url.getHost() + "/...' is not an http(s) URL with a host");
      }
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("deltapromotion.notifier.lineage.path must start with /: " + path);
      }
    }
  }

  /** A service whose {@code /actuator/health} is read. */
  public record WatchedService(@NotBlank String name, @NotNull URI url) {}

  public NotifierProperties {
    for (URI url : webhookUrls) {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException("deltapromotion.notifier.webhook-urls: '" + url.getScheme() + "://"
            + url.getHost() + "/...' is not an http(s) URL with a host");
      }
    }
  }
}
