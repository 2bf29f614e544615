package io.deltapromotion.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An OpenTelemetry collector's trace intake on 127.0.0.1 ({@code POST /v1/traces}, OTLP over HTTP with
 * protobuf bodies, as the services' exporter sends them), keeping every span it is sent.
 */
public final class TraceCollector implements AutoCloseable {

  /** A span as received: its trace, its own id, its parent's (empty for a trace's root), who made it and its name. */
  public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String service, String name) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  public TraceCollector(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  private void receive(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request;
    try (InputStream body = exchange.getRequestBody()) {
      request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
    } catch (IOException notOtlp) {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
      return;
    }
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = resource.getResource().getAttributesList().stream()
          .filter(attribute -> attribute.getKey().equals("service.name")).map(KeyValue::getValue)
          .map(value -> value.getStringValue()).findFirst().orElse("");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        scope.getSpansList().forEach(span -> received.add(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()), service, span.getName())));
      }
    }
    synchronized (spans) {
      spans.addAll(received);
    }
    byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
    if (ok.length > 0) {
      exchange.getResponseBody().write(ok);
    }
    exchange.close();
  }

  private static String hex(byte[] id) {
    return HexFormat.of().formatHex(id);
  }

  /** Where the services export their spans to ({@code management.opentelemetry.tracing.export.otlp.endpoint}). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** Every span of the trace received so far. */
  public List<ReceivedSpan> spans(String traceId) {
    synchronized (spans) {
      return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
