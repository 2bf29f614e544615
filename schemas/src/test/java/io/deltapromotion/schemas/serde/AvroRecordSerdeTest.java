package io.deltapromotion.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.events.ChangeCategory;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import io.deltapromotion.schemas.contract.SchemaEdits;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroRecordSerdeTest {

  private static final String TOPIC = "delta-promotion.table-changed";

  private final String scope = "serde-test-" + UUID.randomUUID();
  private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
  private final AvroRecordSerializer serializer = configured(new AvroRecordSerializer(), Map.of());
  private final AvroRecordDeserializer deserializer =
      configured(new AvroRecordDeserializer(), Map.of(SerdeConfig.SPECIFIC_AVRO_READER, "true"));

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void givenEachEventWhenSerializedAndDeserializedOnItsTopicThenTheSameRecordComesBack() {
    Map<TopicSpec<?>, SpecificRecord> events = Map.of(
        EventTopics.TABLE_CHANGED, SampleEvents.tableChanged(),
        EventTopics.QC_COMPLETED, SampleEvents.qcCompleted(),
        EventTopics.PROMOTION_DONE, SampleEvents.promotionDone());

    events.forEach((topic, event) -> {
      byte[] bytes = serializer.serialize(topic.name(), event);

      assertThat(deserializer.deserialize(topic.name(), bytes)).isEqualTo(event);
      assertThat(registry.versions(topic.valueSubject())).containsExactly(topic.valueSchema());
    });
  }

  @Test
  void givenAnEventWrittenWithItsSchemaIdOnAnotherEventsTopicWhenDeserializedThenItIsRefusedAsNotThatTopicsEvent() {
    QcCompleted qcCompleted = SampleEvents.qcCompleted();
    byte[] report = serializer.serialize(EventTopics.QC_COMPLETED.name(), qcCompleted);

    assertThatThrownBy(() -> deserializer.deserialize(EventTopics.PROMOTION_DONE.name(), report))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("record on topic delta-promotion.promotion-done is a io.deltapromotion.events.QcCompleted")
        .hasMessageContaining("carries only PromotionDone events");
    assertThat(deserializer.deserialize("some-other-topic", report)).isEqualTo(qcCompleted);
  }

  @Test
  void givenARecordWhenSerializedThenTheBytesAreMagicByteSchemaIdAndPlainAvroBinary() throws Exception {
    TableChanged event = SampleEvents.tableChanged();

    byte[] bytes = serializer.serialize(TOPIC, event);

    int registeredId = registry.idOf(TOPIC + "-value", TableChanged.getClassSchema());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0);
    expected.write(ByteBuffer.allocate(4).putInt(registeredId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
    new SpecificDatumWriter<TableChanged>(TableChanged.class).write(event, encoder);
    encoder.flush();
    assertThat(bytes).isEqualTo(expected.toByteArray());
    assertThat(registry.versions(TOPIC + "-value")).containsExactly(TableChanged.getClassSchema());
  }

  @Test
  void givenAnOlderProducerWithoutAnOptionalFieldWhenANewConsumerReadsThenTheFieldTakesItsDefault() {
    Schema older = SchemaEdits.withoutField(TableChanged.getClassSchema(), "releaseTag");
    GenericRecord fromOlderProducer = genericCopy(SampleEvents.tableChanged(), older);

    TableChanged read = (TableChanged) deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, fromOlderProducer));

    assertThat(read.getReleaseTag()).isNull();
    assertThat(read.getSourceTable()).isEqualTo("dap_silver_pp.author_profile");
    assertThat(read.getSourceVersion()).isEqualTo(189L);
  }

  @Test
  void givenANewerProducerWithANewFieldAndCategoryWhenAnOlderConsumerReadsThenItIgnoresOneAndReadsUnknown() {
    registry.setCompatibility(TOPIC + "-value", CompatibilityLevel.FULL);
    serializer.serialize(TOPIC, SampleEvents.tableChanged());
    Schema newer = newerTableChanged();
    GenericRecord fromNewerProducer = genericCopy(SampleEvents.tableChanged(), newer);
    fromNewerProducer.put("dataOwner", "research-office");
    fromNewerProducer.put("changeCategory", new GenericData.EnumSymbol(newer.getField("changeCategory").schema(),
        "PARTITION_CHANGE"));

    TableChanged read = (TableChanged) deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, fromNewerProducer));

    assertThat(read.getChangeCategory()).isEqualTo(ChangeCategory.UNKNOWN);
    assertThat(read.getSourceVersion()).isEqualTo(189L);
    assertThat(registry.versions(TOPIC + "-value")).hasSize(2);
  }

  @Test
  void givenSpecificReaderIsOffWhenDeserializingThenAGenericRecordWithTheWriterSchemaComesBack() {
    AvroRecordDeserializer generic = configured(new AvroRecordDeserializer(), Map.of());

    Object read = generic.deserialize(TOPIC, serializer.serialize(TOPIC, SampleEvents.tableChanged()));

    assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(TableChanged.class);
    assertThat(((GenericRecord) read).get("sourceTable").toString()).isEqualTo("dap_silver_pp.author_profile");
  }

  @Test
  void givenASubjectWithFullCompatibilityWhenABreakingSchemaIsWrittenThenSerializationFailsWithTheReason() {
    registry.setCompatibility(TOPIC + "-value", CompatibilityLevel.FULL);
    serializer.serialize(TOPIC, SampleEvents.tableChanged());
    GenericRecord breaking = genericCopy(SampleEvents.tableChanged(),
        SchemaEdits.withField(TableChanged.getClassSchema(), "{\"name\":\"owner\",\"type\":\"string\",\"doc\":\"x\"}"));
    breaking.put("owner", "x");

    assertThatThrownBy(() -> serializer.serialize(TOPIC, breaking))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("incompatible")
        .hasMessageContaining(TOPIC + "-value")
        .hasMessageContaining("owner");
  }

  @Test
  void givenAutoRegisterIsOffWhenTheSchemaIsNotRegisteredThenSerializationFailsSayingSo() {
    AvroRecordSerializer lookupOnly = configured(new AvroRecordSerializer(), Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

    assertThatThrownBy(() -> lookupOnly.serialize(TOPIC, SampleEvents.tableChanged()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject " + TOPIC + "-value")
        .hasMessageContaining("auto.register.schemas is false");
  }

  @Test
  void givenAutoRegisterIsOffWhenTheSchemaIsRegisteredThenItsIdIsUsed() {
    int id = registry.register(TOPIC + "-value", TableChanged.getClassSchema());
    AvroRecordSerializer lookupOnly = configured(new AvroRecordSerializer(), Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

    byte[] bytes = lookupOnly.serialize(TOPIC, SampleEvents.tableChanged());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void givenJsonBytesWhenDeserializedThenTheErrorSaysTheyAreNotTheWireFormatAndLookLikeJson() {
    byte[] json = "{\"sourceTable\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not in the Confluent wire format")
        .hasMessageContaining("0x7b")
        .hasMessageContaining("starts like JSON");
  }

  @Test
  void givenFewerBytesThanTheHeaderWhenDeserializedThenTheErrorSaysTheRecordIsTooShort() {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes is shorter than the 5-byte header");
  }

  @Test
  void givenAnUnknownSchemaIdWhenDeserializedThenTheErrorNamesTheId() {
    byte[] bytes = serializer.serialize(TOPIC, SampleEvents.tableChanged());
    ByteBuffer.wrap(bytes).put(1, (byte) 0x7f);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt())
        .hasMessageContaining("could not be fetched");
  }

  @Test
  void givenATruncatedAvroBodyWhenDeserializedThenTheErrorNamesTheSchema() {
    byte[] bytes = serializer.serialize(TOPIC, SampleEvents.tableChanged());

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, Arrays.copyOf(bytes, 20)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.deltapromotion.events.TableChanged")
        .hasMessageContaining("could not be decoded");
  }

  @Test
  void givenAValueThatIsNotAnAvroRecordWhenSerializedThenTheErrorNamesItsType() {
    assertThatThrownBy(() -> serializer.serialize(TOPIC, "a string"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void givenNullWhenSerializedOrDeserializedThenNullPassesThroughAsATombstone() {
    assertThat(serializer.serialize(TOPIC, null)).isNull();
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void givenNoRegistryUrlWhenConfiguredThenAConfigExceptionSaysWhatIsRequired() {
    assertThatThrownBy(() -> new AvroRecordSerializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url is required");
  }

  @Test
  void givenASubjectNameStrategyOtherThanTopicNameWhenConfiguredThenItIsRejected() {
    Map<String, Object> configs = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy");

    assertThatThrownBy(() -> new AvroRecordSerializer().configure(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("only TopicNameStrategy");
  }

  @Test
  void givenBasicAuthUserInfoWithoutAColonWhenConfiguredThenItIsRejectedWithoutEchoingIt() {
    Map<String, Object> configs = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081",
        SerdeConfig.BASIC_AUTH_USER_INFO, "secret-without-user");

    assertThatThrownBy(() -> SerdeConfig.parse(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected user:password")
        .hasMessageNotContaining("secret-without-user");
  }

  @Test
  void givenCredentialsInTheUrlWhenTheSourceIsUrlThenTheyAreUsed() {
    SerdeConfig config = SerdeConfig.parse(Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, "https://svc:pw@registry.example:8081, https://other.example",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false);

    assertThat(config.credentials()).contains("svc:pw");
    assertThat(config.registryUrls()).hasSize(2);
  }

  private <T extends org.apache.kafka.common.serialization.Serializer<?>> T configured(T serde, Map<String, String> extra) {
    serde.configure(configs(extra), false);
    return serde;
  }

  private <T extends org.apache.kafka.common.serialization.Deserializer<?>> T configured(T serde, Map<String, String> extra) {
    serde.configure(configs(extra), false);
    return serde;
  }

  private Map<String, Object> configs(Map<String, String> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    return configs;
  }

  /** The record's data under another schema: fields matched by name, enums by symbol. */
  static GenericRecord genericCopy(SpecificRecord record, Schema schema) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
      GenericRecord asWritten = new org.apache.avro.generic.GenericDatumReader<GenericRecord>(record.getSchema())
          .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
      GenericRecord copy = new GenericData.Record(schema);
      for (Schema.Field field : schema.getFields()) {
        Schema.Field original = record.getSchema().getField(field.name());
        Object value = original == null ? null : asWritten.get(field.name());
        if (value instanceof GenericData.EnumSymbol symbol) {
          value = new GenericData.EnumSymbol(enumOf(field.schema()), symbol.toString());
        }
        copy.put(field.name(), value);
      }
      return copy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Schema enumOf(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        ? schema.getTypes().stream().filter(type -> type.getType() == Schema.Type.ENUM).findFirst().orElseThrow()
        : schema;
  }

  private static Schema newerTableChanged() {
    Schema withSymbol = SchemaEdits.withEnumSymbol(TableChanged.getClassSchema(), "changeCategory", "PARTITION_CHANGE");
    return SchemaEdits.withField(withSymbol,
        "{\"name\":\"dataOwner\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"}");
  }

}
