package io.deltapromotion.infrastructure.kafka;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service handles events it fails to process ({@code deltapromotion.events.*}). Kafka clients
 * themselves are configured with Spring Boot's {@code spring.kafka.*}.
 *
 * @param retryInitialBackoff first wait before retrying a failed event (default 1s)
 * @param retryMaxBackoff longest wait between two retries (default 30s); an event that fails for any
 *     reason but bad input is retried until it goes through (an outage is waited out, never
 *     dead-lettered), while bad input goes to the dead-letter topic at once
 * @param replayTimeout longest a start-up replay of a topic may take, waiting out outages included, before
 *     the service gives up starting and says why (default 10m)
 */
@Validated
@ConfigurationProperties("deltapromotion.events")
public record EventStreamsProperties(
    @NotNull @DefaultValue("1s") Duration retryInitialBackoff,
    @NotNull @DefaultValue("30s") Duration retryMaxBackoff,
    @NotNull @DefaultValue("10m") Duration replayTimeout) {}
