package io.deltapromotion.infrastructure.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The OpenTelemetry SDK as the services run it (through Micrometer's bridge, W3C propagation), keeping
 * every span that ends instead of exporting it.
 */
public final class RecordingTracing implements AutoCloseable {

  private final List<SpanData> ended = new CopyOnWriteArrayList<>();
  private final SdkTracerProvider provider = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(new Keeping())).build();
  private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
  private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
  private final Propagator propagator =
      new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

  public Tracer tracer() {
    return tracer;
  }

  public Propagator propagator() {
    return propagator;
  }

  /** Every span ended so far, in the order they ended. */
  public List<SpanData> ended() {
    return List.copyOf(ended);
  }

  @Override
  public void close() {
    provider.close();
  }

  private final class Keeping implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      ended.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
