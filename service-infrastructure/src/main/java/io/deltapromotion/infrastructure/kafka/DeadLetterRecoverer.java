package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.infrastructure.failure.Failure;
import io.deltapromotion.infrastructure.failure.Failures;
import io.deltapromotion.schemas.serde.AvroRecordSerializer;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Writes a record the service could not process to its dead-letter topic: the original key and value
 * bytes (re-encoded in the same Confluent wire format when the value had been decoded), the original
 * headers, and headers saying why, where it came from and who rejected it. Only bad input goes there:
 * a record that failed for any other reason is refused here, so it stays and is retried. The write is
 * synchronous: if it fails, the error handler keeps the record and tries again, so nothing is lost.
 */
public final class DeadLetterRecoverer implements ConsumerRecordRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

  public static final String COUNTER = "deltapromotion.dead.letters";

  private final DeadLetterTopic topic;
  private final String service;
  private final Producer<byte[], byte[]> producer;
  private final AvroRecordSerializer valueSerializer;
  private final MeterRegistry meters;

  /**
   * @param serializerConfig the producer configuration, for the Avro serializer that re-encodes decoded values
   * @param meters where each dead letter is counted ({@value #COUNTER}, tagged with the topic it came from
   *     and the kind of bad input)
   */
  public DeadLetterRecoverer(DeadLetterTopic topic, String service, Producer<byte[], byte[]> producer,
      Map<String, ?> serializerConfig, MeterRegistry meters) {
    this.topic = topic;
    this.service = service;
    this.producer = producer;
    this.meters = meters;
    this.valueSerializer = new AvroRecordSerializer();
    this.valueSerializer.configure(serializerConfig, false);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception error) {
    String origin = record.topic() + "/" + record.partition() + "/" + record.offset();
    Failure failure = Failures.classify(error);
    if (!failure.isBadInput()) {
      throw new IllegalStateException("not dead-lettering " + origin + ": it is not bad input, it failed because "
          + failure.dependency().description() + " failed (" + failure.reason() + "); it stays and is retried", error);
    }
    String reason = DeadLetterReason.describe(error);
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
        headers.add(header);
      }
    }
    headers.add(DeadLetterTopic.REASON_HEADER, bytes(reason));
    headers.add(DeadLetterTopic.ERROR_CLASS_HEADER, bytes(DeadLetterReason.rootOf(error).getClass().getName()));
    headers.add(DeadLetterTopic.ORIGIN_HEADER, bytes(origin));
    headers.add(DeadLetterTopic.SERVICE_HEADER, bytes(service));
    ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(
        topic.name(), null, record.timestamp(), keyBytes(record, error), valueBytes(record, error), headers);
    try {
      // No timeout of our own: the producer's delivery timeout ends the wait, and only then is a failed
      // send known not to arrive later.
      producer.send(deadLetter).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing " + origin + " to " + topic.name(), e);
    } catch (ExecutionException e) {
      throw new KafkaException("could not write " + origin + " to dead-letter topic " + topic.name(), e);
    }
    Counter.builder(COUNTER).description("Events written to the service's dead-letter topic, by where they came from and why")
        .tag("topic", record.topic()).tag("reason", DeadLetterReason.kind(error)).register(meters).increment();
    log.warn("Rejected {} (key {}): {}. Written to dead-letter topic {}.", origin, record.key(), reason, topic.name());
  }

  private static byte[] keyBytes(ConsumerRecord<?, ?> record, Exception error) {
    DeserializationException failure = deserializationFailure(error);
    if (failure != null && failure.isKey()) {
      return failure.getData();
    }
    return record.key() == null ? null : bytes(record.key().toString());
  }

  private byte[] valueBytes(ConsumerRecord<?, ?> record, Exception error) {
    DeserializationException failure = deserializationFailure(error);
    if (failure != null && !failure.isKey()) {
      return failure.getData();
    }
    Object value = record.value();
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof SpecificRecord event) {
      return valueSerializer.serialize(record.topic(), event);
    }
    return bytes(value.toString());
  }

  private static DeserializationException deserializationFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeserializationException failure) {
        return failure;
      }
    }
    return null;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
