package io.deltapromotion.notifier.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    @Min(100) @DefaultValue("100000") int rememberedDeliveries) {

  public NotifierProperties {
    for (URI url : webhookUrls) {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException("deltapromotion.notifier.webhook-urls: '" + url.getScheme() + "://"
            + url.getHost() + "/...' is not an http(s) URL with a host");
      }
    }
  }
}
