package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.tracing.RecordingTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warehouse statements in the trace of the event they were run for, with the SDK the services run. */
class TracingStatementTimerTest {

  private static final Instant ENDED = Instant.parse("2026-11-29T10:00:00Z");

  private final RecordingTracing tracing = new RecordingTracing();
  private final Tracer tracer = tracing.tracer();
  private final List<StatementKind> measured = new ArrayList<>();
  private final TracingStatementTimer timer = new TracingStatementTimer(tracer,
      (kind, nanos, succeeded) -> measured.add(kind), Clock.fixed(ENDED, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    tracing.close();
  }

  @Test
  void givenAListenersSpan_whenACloneTookTwoSeconds_thenItIsAChildSpanOfThatLengthEndingWhenItEnded() {
    Span listener = tracer.nextSpan().name("delta-promotion.qc-completed receive").start();
    try (Tracer.SpanInScope inScope = tracer.withSpan(listener)) {
      timer.record(StatementKind.CLONE, Duration.ofSeconds(2).toNanos(), true);
    } finally {
      listener.end();
    }

    assertThat(tracing.ended()).filteredOn(span -> span.getName().equals("warehouse clone")).singleElement()
        .satisfies(clone -> {
          assertThat(clone.getParentSpanId()).isEqualTo(listener.context().spanId());
          assertThat(clone.getKind()).isEqualTo(SpanKind.CLIENT);
          assertThat(Duration.ofNanos(clone.getEndEpochNanos() - clone.getStartEpochNanos())).isEqualTo(Duration.ofSeconds(2));
          assertThat(clone.getEndEpochNanos()).isEqualTo(ENDED.getEpochSecond() * 1_000_000_000L);
          assertThat(clone.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("ok");
        });
    assertThat(measured).containsExactly(StatementKind.CLONE);
  }

  @Test
  void givenNoTrace_whenThePollReadsHistory_thenNoSpanIsMadeButTheTimeIsStillMeasured() {
    timer.record(StatementKind.HISTORY, 1_000_000, true);

    assertThat(tracing.ended()).isEmpty();
    assertThat(measured).containsExactly(StatementKind.HISTORY);
  }
}
