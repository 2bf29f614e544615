package io.deltapromotion.schemas.serde;

import io.deltapromotion.schemas.topics.EventTopics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format. The writer's schema is fetched from the registry by the
 * id in the record; it is resolved against the reader's schema (the generated class's, with
 * {@code specific.avro.reader=true}), so records written by older or newer producers decode as long
 * as the two schemas are compatible. See {@link SerdeConfig} for the configuration keys.
 *
 * <p>On a topic of {@link EventTopics} a value must be the topic's own event: a record naming another
 * event's schema (a {@code QcCompleted} on the promotion-done topic, say) is refused like any record
 * that cannot be decoded, so neither a listener nor a start-up replay can be fed an event through a
 * topic that does not carry it.
 */
public class AvroRecordDeserializer implements Deserializer<Object> {

  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean specificReader;
  private Optional<String> specificReaderType = Optional.empty();
  private final Map<Integer, DatumReader<Object>> readersBySchemaId = new ConcurrentHashMap<>();

  public AvroRecordDeserializer() {}

  /** A deserializer over a given registry client, decoding into generated classes. */
  public AvroRecordDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
    this.specificReader = true;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.parse(configs, isKey);
    this.registry = SchemaRegistryClients.create(config);
    this.isKey = isKey;
    this.specificReader = config.specificReader();
    this.specificReaderType = config.specificReaderType();
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new SerializationException("AvroRecordDeserializer is not configured: call configure() first");
    }
    int id = WireFormat.schemaId(topic, data);
    Schema writerSchema;
    try {
      writerSchema = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("record on topic " + topic + " names schema id " + id
          + ", which could not be fetched: " + e.getMessage(), e);
    }
    if (!isKey) {
      refuseAnotherTopicsEvent(topic, id, writerSchema);
    }
    DatumReader<Object> reader = readersBySchemaId.computeIfAbsent(id, key -> reader(writerSchema));
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(
          data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null));
    } catch (Exception e) {
      throw new SerializationException("record on topic " + topic + " with schema id " + id + " ("
          + writerSchema.getFullName() + ") could not be decoded: " + e, e);
    }
  }

  private static void refuseAnotherTopicsEvent(String topic, int id, Schema writerSchema) {
    EventTopics.valueTypeOf(topic).filter(expected -> !expected.getName().equals(writerSchema.getFullName()))
        .ifPresent(expected -> {
          throw new SerializationException("record on topic " + topic + " is a " + writerSchema.getFullName()
              + " (schema id " + id + "), but that topic carries only " + expected.getSimpleName() + " events");
        });
  }

  private DatumReader<Object> reader(Schema writerSchema) {
    if (!specificReader && specificReaderType.isEmpty()) {
      return new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get());
    }
    Class<?> type = readerType(writerSchema);
    SpecificData model = SpecificData.getForClass(type);
    return new SpecificDatumReader<>(writerSchema, model.getSchema(type), model);
  }

  private Class<?> readerType(Schema writerSchema) {
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(getClass().getClassLoader());
    String name = specificReaderType.orElse(writerSchema.getFullName());
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new SerializationException("no generated Avro class " + name + " on the classpath to decode "
          + writerSchema.getFullName() + " into; add it, or set specific.avro.reader=false for GenericRecords", e);
    }
  }
}
