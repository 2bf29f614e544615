package io.deltapromotion.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated specific records or generic records) in the Confluent wire format,
 * registering the record's schema under {@code <topic>-value} (or {@code -key}), or only looking up
 * its id when {@code auto.register.schemas=false}. See {@link SerdeConfig} for the configuration keys.
 */
public class AvroRecordSerializer implements Serializer<Object> {

  private SchemaRegistryClient registry;
  private boolean autoRegisterSchemas;
  private String subjectSuffix;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  public AvroRecordSerializer() {}

  /** A value serializer over a given registry client. */
  public AvroRecordSerializer(SchemaRegistryClient registry, boolean autoRegisterSchemas) {
    this.registry = registry;
    this.autoRegisterSchemas = autoRegisterSchemas;
    this.subjectSuffix = "-value";
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.parse(configs, isKey);
    this.registry = SchemaRegistryClients.create(config);
    this.autoRegisterSchemas = config.autoRegisterSchemas();
    this.subjectSuffix = isKey ? "-key" : "-value";
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof IndexedRecord record)) {
      throw new SerializationException("AvroRecordSerializer writes Avro records (generated classes or "
          + "GenericRecord) but was given a " + data.getClass().getName() + " for topic " + topic);
    }
    if (registry == null) {
      throw new SerializationException("AvroRecordSerializer is not configured: call configure() first");
    }
    Schema schema = record.getSchema();
    int id = schemaId(topic + subjectSuffix, schema);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_LENGTH);
      WireFormat.writeHeader(header, id);
      out.write(header.array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer(record).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("could not encode a " + schema.getFullName() + " for topic " + topic
          + " with schema id " + id + ": " + e.getMessage(), e);
    }
  }

  private int schemaId(String subject, Schema schema) {
    try {
      return autoRegisterSchemas ? registry.register(subject, schema) : registry.idOf(subject, schema);
    } catch (SchemaRegistryException.NotFound e) {
      throw new SerializationException("schema " + schema.getFullName() + " is not registered under subject "
          + subject + " and auto.register.schemas is false: register it first (" + e.getMessage() + ")", e);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(e.getMessage(), e);
    }
  }

  private DatumWriter<Object> writer(IndexedRecord record) {
    return writers.computeIfAbsent(record.getSchema(), schema -> record instanceof SpecificRecord
        ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()))
        : new GenericDatumWriter<>(schema, GenericData.get()));
  }
}
