package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Each statement run on behalf of an event as a span of the event's trace, named by what it does
 * ({@code warehouse clone}, {@code warehouse query}, ...), so a version's trace shows its audit's scan
 * and its clone, and how long each took. Statements run outside any trace (the poll's history reads) make
 * no span: each would be a trace of its own. Passes every statement on to the next timer as well.
 */
public final class TracingStatementTimer implements StatementTimer {

  private final Tracer tracer;
  private final StatementTimer next;
  private final Clock clock;

  public TracingStatementTimer(Tracer tracer, StatementTimer next, Clock clock) {
    this.tracer = tracer;
    this.next = next;
    this.clock = clock;
  }

  @Override
  public void record(StatementKind kind, long nanos, boolean succeeded) {
    next.record(kind, nanos, succeeded);
    Span current = tracer.currentSpan();
    if (current == null) {
      return;
    }
    Instant end = clock.instant();
    long endMicros = TimeUnit.SECONDS.toMicros(end.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(end.getNano());
    Span statement = tracer.spanBuilder().setParent(current.context()).name("warehouse " + kind.tag())
        .kind(Span.Kind.CLIENT)
        .tag("db.operation.name", kind.tag())
        .tag("outcome", succeeded ? "ok" : "error")
        .startTimestamp(endMicros - TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MICROSECONDS)
        .start();
    statement.end(endMicros, TimeUnit.MICROSECONDS);
  }
}
