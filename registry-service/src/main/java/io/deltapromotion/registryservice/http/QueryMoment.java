package io.deltapromotion.registryservice.http;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The instant a query asks about: {@code at} as given (an ISO-8601 instant or date-time with offset), or now. */
final class QueryMoment {

  private QueryMoment() {}

  /** @throws IllegalArgumentException when {@code at} is not an instant */
  static Instant of(String at, Clock clock) {
    if (at == null || at.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return OffsetDateTime.parse(at).toInstant();
      } catch (DateTimeParseException e) {
        String shown = at.length() > 40 ? at.substring(0, 40) + "..." : at;
        throw new IllegalArgumentException("at must be an instant such as 2026-11-24T09:00:00Z or "
            + "2026-11-24T10:00:00+01:00, not '" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'");
      }
    }
  }
}
