package io.deltapromotion.detector.messaging;

import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.schemas.topics.DeadLetterTopic;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A table skipped for its name, as a record of the detector's dead-letter topic: it is bad input found in
 * the warehouse rather than read from a topic, so its origin is {@code warehouse:<schema>}, its key the
 * name as the warehouse gives it, and it has no value (there is no event to send back).
 */
final class SkippedTableReports {

  static final String ORIGIN_PREFIX = "warehouse:";

  private SkippedTableReports() {}

  static ProducerRecord<byte[], byte[]> toRecord(String topic, String service, SchemaTables.RefusedName table) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterTopic.REASON_HEADER, bytes("table '" + table.name() + "' of watched schema " + table.schema()
        + " is skipped: " + table.reason() + "; rename it to be detected"));
    headers.add(DeadLetterTopic.ERROR_CLASS_HEADER, bytes("io.deltapromotion.infrastructure.warehouse.InvalidIdentifierException"));
    headers.add(DeadLetterTopic.ORIGIN_HEADER, bytes(ORIGIN_PREFIX + table.schema()));
    headers.add(DeadLetterTopic.SERVICE_HEADER, bytes(service));
    return new ProducerRecord<>(topic, null, bytes(table.name()), null, headers);
  }

  /** The table a dead letter reports as skipped; empty for any other dead letter. */
  static Optional<SchemaTables.RefusedName> read(ConsumerRecord<String, ?> record) {
    Header origin = record.headers().lastHeader(DeadLetterTopic.ORIGIN_HEADER);
    String from = origin == null ? "" : new String(origin.value(), StandardCharsets.UTF_8);
    if (!from.startsWith(ORIGIN_PREFIX) || record.key() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SchemaTables.RefusedName(SchemaName.parse(from.substring(ORIGIN_PREFIX.length())),
          record.key(), null));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
