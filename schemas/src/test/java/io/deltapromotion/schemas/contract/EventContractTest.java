package io.deltapromotion.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

  static Stream<TopicSpec<?>> topics() {
    return EventTopics.all().stream();
  }

  @ParameterizedTest
  @MethodSource("topics")
  void everyRecordEnumAndFieldOfAnEventIsDocumented(TopicSpec<?> topic) {
    List<String> undocumented = new ArrayList<>();
    collectUndocumented(topic.valueSchema(), new HashSet<>(), undocumented);

    assertThat(undocumented).as("schema elements without a doc").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("topics")
  void everyEnumHasADefaultSymbolSoThatAddingSymbolsStaysForwardCompatible(TopicSpec<?> topic) {
    List<String> withoutDefault = new ArrayList<>();
    collectEnums(topic.valueSchema(), new HashSet<>()).stream()
        .filter(schema -> schema.getEnumDefault() == null)
        .forEach(schema -> withoutDefault.add(schema.getFullName()));

    assertThat(withoutDefault).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("topics")
  void everyEventHasAReleasedSchemaHistory(TopicSpec<?> topic) {
    assertThat(ReleasedSchemas.of(topic.valueSchema().getName()))
        .as("released versions of %s: run the release-schemas profile (see docs/events.md)", topic.valueSchema().getName())
        .isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("topics")
  void theCurrentSchemaIsFullyCompatibleWithEveryReleasedVersion(TopicSpec<?> topic) {
    Schema current = topic.valueSchema();

    List<String> violations = CompatibilityLevel.FULL_TRANSITIVE.violations(current, ReleasedSchemas.of(current.getName()));

    assertThat(violations).as("changes to %s that break readers or writers of a released version", current.getName())
        .isEmpty();
  }

  @Test
  void givenAReleasedEventWhenARequiredFieldIsAddedThenTheCompatibilityGateRejectsIt() {
    Schema released = ReleasedSchemas.of("TableChanged").get(0);
    Schema changed = SchemaEdits.withField(released, "{\"name\":\"owner\",\"type\":\"string\",\"doc\":\"x\"}");

    List<String> violations = CompatibilityLevel.FULL_TRANSITIVE.violations(changed, List.of(released));

    assertThat(violations).anySatisfy(violation ->
        assertThat(violation).contains("the new schema cannot read data written with version 1").contains("owner"));
  }

  @Test
  void givenAReleasedEventWhenAnOptionalFieldWithADefaultIsAddedThenTheCompatibilityGateAcceptsIt() {
    Schema released = ReleasedSchemas.of("TableChanged").get(0);
    Schema changed = SchemaEdits.withField(released,
        "{\"name\":\"owner\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"}");

    assertThat(CompatibilityLevel.FULL_TRANSITIVE.violations(changed, List.of(released))).isEmpty();
  }

  @Test
  void givenAReleasedEventWhenARequiredFieldIsRenamedThenOldReadersCannotReadNewDataAndTheGateRejectsIt() {
    Schema released = ReleasedSchemas.of("TableChanged").get(0);
    Schema changed = SchemaEdits.withFieldRenamed(released, "targetTable", "targetTableName");

    assertThat(CompatibilityLevel.FULL_TRANSITIVE.violations(changed, List.of(released)))
        .anySatisfy(violation -> assertThat(violation).startsWith("version 1 cannot read data written with the new schema"));
  }

  @Test
  void everyEventTopicKeepsItsHistoryForeverAndIsNeverCompacted() {
    assertThat(EventTopics.all()).allSatisfy(topic -> {
      assertThat(topic.configs()).containsEntry(TopicSpec.CLEANUP_POLICY, "delete");
      assertThat(topic.configs()).containsEntry(TopicSpec.RETENTION_MS, "-1");
      assertThat(topic.configs()).containsEntry(TopicSpec.RETENTION_BYTES, "-1");
    });
  }

  @Test
  void everyTopicIsDeclaredOnceWithItsOwnValueTypeAndItsReaders() {
    Set<String> names = new HashSet<>();
    Set<Class<?>> valueTypes = new HashSet<>();
    EventTopics.all().forEach(topic -> {
      assertThat(names.add(topic.name())).as("duplicate topic %s", topic.name()).isTrue();
      assertThat(valueTypes.add(topic.valueType())).as("two topics carry %s", topic.valueType()).isTrue();
      assertThat(topic.access().readers()).as("who consumes %s", topic.name()).isNotEmpty();
    });
  }

  private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        if (isBlank(schema.getDoc())) {
          undocumented.add("record " + schema.getFullName());
        }
        for (Schema.Field field : schema.getFields()) {
          if (isBlank(field.doc())) {
            undocumented.add("field " + schema.getFullName() + "." + field.name());
          }
          collectUndocumented(field.schema(), seen, undocumented);
        }
      }
      case ENUM -> {
        if (seen.add(schema.getFullName()) && isBlank(schema.getDoc())) {
          undocumented.add("enum " + schema.getFullName());
        }
      }
      case UNION -> schema.getTypes().forEach(type -> collectUndocumented(type, seen, undocumented));
      case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
      case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
      default -> { }
    }
  }

  private static List<Schema> collectEnums(Schema schema, Set<String> seen) {
    List<Schema> enums = new ArrayList<>();
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(field -> enums.addAll(collectEnums(field.schema(), seen)));
        }
      }
      case ENUM -> enums.add(schema);
      case UNION -> schema.getTypes().forEach(type -> enums.addAll(collectEnums(type, seen)));
      case ARRAY -> enums.addAll(collectEnums(schema.getElementType(), seen));
      case MAP -> enums.addAll(collectEnums(schema.getValueType(), seen));
      default -> { }
    }
    return enums;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
