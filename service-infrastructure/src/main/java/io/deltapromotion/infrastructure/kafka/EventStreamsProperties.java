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
 * @param retryMaxBackoff longest wait between two retries (default 30s)
 * @param retryMaxElapsed how long to keep retrying a transient failure before the event goes to the
 *     dead-letter topic (default 2m); rejected events (bad input) go there at once
 * @param replayTimeout longest a start-up replay of a topic may take (default 5m)
 */
@Validated
@ConfigurationProperties("deltapromotion.events")
public record EventStreamsProperties(
    @NotNull @DefaultValue("1s") Duration retryInitialBackoff,
    @NotNull @DefaultValue("30s") Duration retryMaxBackoff,
    @NotNull @DefaultValue("2m") Duration retryMaxElapsed,
    @NotNull @DefaultValue("5m") Duration replayTimeout) {}
