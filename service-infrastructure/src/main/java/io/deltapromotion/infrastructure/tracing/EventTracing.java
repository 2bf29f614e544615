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
 * The trace context the events carry, so that one table version is one trace, from the pipeline's event
 * or the poll that found it to its last promotion outcome.
 *
 * <ul>
 *   <li>Every published transaction is a span, and each of its events carries the span's context in a W3C
 *       {@value #TRACEPARENT} header: the service that reads the event continues the trace (its
 *       listener's span is the child of the header's context). Published with no current span (a poll
 *       found the version), the transaction's span starts the trace.
 *   <li>Work done later on behalf of an event (a promotion that waited for a soak time or an approval,
 *       decided by the schedule or an operator's command) is resumed in the trace kept from the event's
 *       header.
 * </ul>
 */
public final class EventTracing {

  public static final String TRACEPARENT = "traceparent";
  /** No spans, no headers: for publishers without tracing (tools and tests). */
  public static final EventTracing NONE = new EventTracing(Tracer.NOOP, Propagator.NOOP);

  private final Tracer tracer;
  private final Propagator propagator;

  public EventTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Starts the span of publishing to the topic (the first event's, when a transaction writes several). */
  public Span startPublishing(String topic, String key, int events) {
    Span current = tracer.currentSpan();
    Span.Builder span = tracer.spanBuilder();
    if (current == null) {
      span.setNoParent();
    } else {
      span.setParent(current.context());
    }
    return span.name("publish " + topic).kind(Span.Kind.PRODUCER)
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", topic)
        .tag("messaging.kafka.message.key", key)
        .tag("messaging.batch.message_count", String.valueOf(events))
        .start();
  }

  /** Writes the span's context into an event's headers, replacing any it carried before. */
  public void inject(Span span, Headers headers) {
    propagator.inject(span.context(), headers, (carrier, name, value) -> {
      carrier.remove(name);
      carrier.add(name, value.getBytes(StandardCharsets.UTF_8));
    });
  }

  /** The trace context an event was written with, to keep; null when it carries none. */
  public static String traceparentOf(Headers headers) {
    Header header = headers.lastHeader(TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The trace id a W3C traceparent names; null when there is none or it is not one. */
  public static String traceIdOf(String traceparent) {
    String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
    return parts.length == 4 ? parts[1] : null;
  }

  /**
   * Runs the work in a span of the kept trace. Already in that trace (the event's own listener), the work
   * just runs; in another one (an operator's command), the new span links to it, so both traces show
   * the step. Without a kept trace the work runs as it is.
   */
  public void inTrace(String traceparent, String spanName, Runnable work) {
    Span current = tracer.currentSpan();
    String traceId = traceIdOf(traceparent);
    if (traceId == null || (current != null && current.context().traceId().equals(traceId))) {
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
