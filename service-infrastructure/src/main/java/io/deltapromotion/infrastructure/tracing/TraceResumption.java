package io.deltapromotion.infrastructure.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Work done later on behalf of an event, continued in that event's trace: a promotion that waited for a
 * soak time or an approval is decided minutes or days after the QC report that started it, by the
 * schedule or an operator's command, and its outcome still belongs to the version's trace. The trace is
 * kept as the W3C {@code traceparent} value the event was read with.
 */
public final class TraceResumption {

  public static final String TRACEPARENT = "traceparent";
  /** Resumes nothing: the work runs in whatever trace is current. */
  public static final TraceResumption NONE = new TraceResumption(Tracer.NOOP, Propagator.NOOP);

  private final Tracer tracer;
  private final Propagator propagator;

  public TraceResumption(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The trace context an event was written with, to keep; null when it carries none. */
  public static String traceparentOf(Headers headers) {
    Header header = headers.lastHeader(TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Runs the work in a span of the kept trace. Already in that trace (the event's own listener), the work
   * just runs; in another one (an operator's command), the new span links to it, so both traces show
   * the step. Without a kept trace the work runs as it is.
   */
  public void inTrace(String traceparent, String spanName, Runnable work) {
    Span current = tracer.currentSpan();
    String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
    if (parts.length != 4 || (current != null && current.context().traceId().equals(parts[1]))) {
      work.run();
      return;
    }
    Span.Builder builder = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(spanName);
    if (current != null) {
      builder.addLink(new Link(current));
    }
    Span span = builder.start();
    try (Tracer.SpanInScope inScope = tracer.withSpan(span)) {
      work.run();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
