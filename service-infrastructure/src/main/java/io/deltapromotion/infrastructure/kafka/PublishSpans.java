package io.deltapromotion.infrastructure.kafka;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The span of one published transaction, and the trace context every event of it carries in its headers
 * (W3C {@code traceparent}): the service that reads an event continues the trace of the one that wrote it
 * (its listener's span is the child of the header's context), so one table version is one trace, from the
 * pipeline's event or the poll that found it to its last promotion outcome. Published with no current span
 * (a poll found the version), the transaction's span starts the trace.
 */
public final class PublishSpans {

  /** No spans, no headers: for publishers without tracing (tools and tests). */
  public static final PublishSpans NONE = new PublishSpans(Tracer.NOOP, Propagator.NOOP);

  private final Tracer tracer;
  private final Propagator propagator;

  public PublishSpans(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Starts the span of publishing to the topic (the first event's, when a transaction writes several). */
  Span start(String topic, String key, int events) {
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

  /** Writes the span's context into the headers, replacing any the event carried before. */
  void inject(Span span, Headers headers) {
    propagator.inject(span.context(), headers, (carrier, name, value) -> {
      carrier.remove(name);
      carrier.add(name, value.getBytes(StandardCharsets.UTF_8));
    });
  }
}
