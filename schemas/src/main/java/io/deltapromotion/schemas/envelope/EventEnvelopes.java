package io.deltapromotion.schemas.envelope;

import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.Producer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Makes the envelopes one service puts on its events: fresh ids, its name and version, causality. */
public final class EventEnvelopes {

  private final String service;
  private final String version;
  private final Clock clock;

  public EventEnvelopes(String service, String version, Clock clock) {
    this.service = Objects.requireNonNull(service, "service");
    this.version = Objects.requireNonNull(version, "version");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** For a service whose version is its jar's Implementation-Version ("dev" when run from classes). */
  public static EventEnvelopes of(String service, Class<?> application, Clock clock) {
    String version = application.getPackage() == null ? null : application.getPackage().getImplementationVersion();
    return new EventEnvelopes(service, version == null ? "dev" : version, clock);
  }

  /** The envelope of an event that starts a promotion: a new correlation id, no cause. */
  public EventEnvelope first() {
    return envelope(UUID.randomUUID(), null);
  }

  /** The envelope of an event caused by another: same correlation id, the cause's event id. */
  public EventEnvelope causedBy(EventEnvelope cause) {
    return envelope(cause.getCorrelationId(), cause.getEventId());
  }

  /** The envelope of a later event of a promotion, caused by one of its earlier events. */
  public EventEnvelope within(UUID correlationId, UUID causationId) {
    return envelope(correlationId, causationId);
  }

  public String service() {
    return service;
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private EventEnvelope envelope(UUID correlationId, UUID causationId) {
    return EventEnvelope.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now())
        .setProducer(new Producer(service, version))
        .setCorrelationId(correlationId)
        .setCausationId(causationId)
        .build();
  }
}
