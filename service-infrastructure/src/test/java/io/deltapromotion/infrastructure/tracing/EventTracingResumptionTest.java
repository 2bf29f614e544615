package io.deltapromotion.infrastructure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work done later on behalf of an event, resumed in the trace kept from it, with the SDK the services run. */
class EventTracingResumptionTest {

  private static final String KEPT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String KEPT = "00-" + KEPT_TRACE + "-00f067aa0ba902b7-01";

  private final RecordingTracing tracing = new RecordingTracing();
  private final Tracer tracer = tracing.tracer();
  private final EventTracing resumption = new EventTracing(tracer, tracing.propagator());
  private final List<String> tracesTheWorkRanIn = new ArrayList<>();

  @AfterEach
  void stop() {
    tracing.close();
  }

  @Test
  void givenAKeptTrace_whenTheScheduleDoesTheWork_thenItRunsInASpanOfThatTrace() {
    resumption.inTrace(KEPT, "promote pp.orders v7", this::work);

    assertThat(tracesTheWorkRanIn).containsExactly(KEPT_TRACE);
    assertThat(tracing.ended()).singleElement().satisfies(span -> {
      assertThat(span.getName()).isEqualTo("promote pp.orders v7");
      assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    });
  }

  @Test
  void givenAKeptTrace_whenAnOperatorsCommandDoesTheWork_thenItRunsInTheKeptTraceLinkedToTheOperators() {
    Span command = tracer.nextSpan().name("operator command").start();
    try (Tracer.SpanInScope inScope = tracer.withSpan(command)) {
      resumption.inTrace(KEPT, "promote pp.orders v7", this::work);
    } finally {
      command.end();
    }

    assertThat(tracesTheWorkRanIn).containsExactly(KEPT_TRACE);
    SpanData resumed = tracing.ended().stream().filter(span -> span.getTraceId().equals(KEPT_TRACE)).findFirst().orElseThrow();
    assertThat(resumed.getLinks()).singleElement()
        .satisfies(link -> assertThat(link.getSpanContext().getTraceId()).isEqualTo(command.context().traceId()));
  }

  @Test
  void givenTheWorkAlreadyInTheKeptTrace_whenResumed_thenNoSpanIsAdded() {
    Span listener = tracer.nextSpan().name("listener").start();
    String sameTrace = "00-" + listener.context().traceId() + "-" + listener.context().spanId() + "-01";
    try (Tracer.SpanInScope inScope = tracer.withSpan(listener)) {
      resumption.inTrace(sameTrace, "promote pp.orders v7", this::work);
    } finally {
      listener.end();
    }

    assertThat(tracesTheWorkRanIn).containsExactly(listener.context().traceId());
    assertThat(tracing.ended()).extracting(SpanData::getName).containsExactly("listener");
  }

  @Test
  void givenNoKeptTrace_whenResumed_thenTheWorkRunsAsItIs() {
    resumption.inTrace(null, "promote pp.orders v7", this::work);

    assertThat(tracesTheWorkRanIn).singleElement().isNull();
    assertThat(tracing.ended()).isEmpty();
  }

  private void work() {
    Span current = tracer.currentSpan();
    tracesTheWorkRanIn.add(current == null ? null : current.context().traceId());
  }
}
