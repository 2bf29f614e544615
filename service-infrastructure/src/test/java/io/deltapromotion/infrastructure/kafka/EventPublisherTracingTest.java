package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.infrastructure.tracing.EventTracing;
import io.deltapromotion.infrastructure.tracing.RecordingTracing;
import io.deltapromotion.schemas.topics.EventTopics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace context of every published event, with the OpenTelemetry SDK as the services run it (through
 * Micrometer's bridge) and Kafka's MockProducer: what a reader of the events finds in their headers.
 */
class EventPublisherTracingTest {

  private final RecordingTracing tracing = new RecordingTracing();
  private final Tracer tracer = tracing.tracer();
  private final MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(),
      (topic, event) -> event.toString().getBytes(StandardCharsets.UTF_8));
  private final EventPublisher publisher = new EventPublisher(() -> producer, written -> true, Duration.ofSeconds(5),
      new EventTracing(tracer, tracing.propagator()));

  @AfterEach
  void stop() {
    tracing.close();
  }

  @Test
  void givenAListenersSpan_whenItsOutcomesArePublished_thenEveryEventCarriesItsTraceUnderAProducerSpanOfThePublication() {
    publisher.start();
    Span listener = tracer.nextSpan().name("delta-promotion.qc-completed receive").start();
    try (Tracer.SpanInScope inScope = tracer.withSpan(listener)) {
      publisher.publishAll(List.of(outgoing("a"), outgoing("b")));
    } finally {
      listener.end();
    }

    List<String> parents = producer.history().stream().map(EventPublisherTracingTest::traceparent).toList();
    SpanData publication = tracing.ended().stream().filter(span -> span.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
    assertThat(publication.getName()).isEqualTo("publish " + EventTopics.PIPELINE_COMMITTED.name());
    assertThat(publication.getTraceId()).isEqualTo(listener.context().traceId());
    assertThat(publication.getParentSpanId()).isEqualTo(listener.context().spanId());
    assertThat(parents).hasSize(2).allSatisfy(parent ->
        assertThat(parent).startsWith("00-" + publication.getTraceId() + "-" + publication.getSpanId() + "-"));
  }

  @Test
  void givenNoSpan_whenAVersionFoundByThePollIsAnnounced_thenItsEventStartsATraceOfItsOwn() {
    publisher.start();

    publisher.publishAll(List.of(outgoing("a")));
    publisher.publishAll(List.of(outgoing("b")));

    List<String> traces = producer.history().stream().map(record -> traceparent(record).split("-")[1]).toList();
    assertThat(traces).hasSize(2).doesNotHaveDuplicates();
    assertThat(tracing.ended()).extracting(SpanData::getParentSpanId).containsOnly("0000000000000000");
  }

  @Test
  void givenNoTracing_whenPublished_thenTheEventsCarryNoTraceHeaders() {
    EventPublisher untraced = new EventPublisher(() -> producer, written -> true, Duration.ofSeconds(5));
    untraced.start();

    untraced.publishAll(List.of(outgoing("a")));

    assertThat(producer.history().get(0).headers().toArray()).isEmpty();
  }

  private static String traceparent(ProducerRecord<String, SpecificRecord> record) {
    return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
  }

  private static EventPublisher.Outgoing<PipelineCommitted> outgoing(String eventId) {
    return new EventPublisher.Outgoing<>(EventTopics.PIPELINE_COMMITTED, "pp.orders", PipelineCommitted.newBuilder()
        .setEventId(eventId).setTable("pp.orders").setVersion(1L).setPipeline("test").setRunId("1").build());
  }
}
