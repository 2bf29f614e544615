package io.deltapromotion.infrastructure.warehouse.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads the schema Delta writes in its transaction log ({@code metaData.schemaString}: Spark's
 * StructType as JSON) and renders column types as Spark SQL types.
 */
final class DeltaSchemaJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> PRIMITIVES = Map.of(
      "long", "bigint", "integer", "int", "short", "smallint", "byte", "tinyint");

  private DeltaSchemaJson() {}

  static TableSchema parse(String schemaString) {
    JsonNode root;
    try {
      root = JSON.readTree(schemaString);
    } catch (Exception e) {
      throw new IllegalArgumentException("the Delta log holds a schema that is not JSON: " + e.getMessage(), e);
    }
    List<Column> columns = new ArrayList<>();
    for (JsonNode field : root.path("fields")) {
      JsonNode comment = field.path("metadata").path("comment");
      columns.add(new Column(field.path("name").asText(), type(field.path("type")), field.path("nullable").asBoolean(true),
          comment.isTextual() ? comment.asText() : null));
    }
    return new TableSchema(columns);
  }

  static String type(JsonNode type) {
    if (type.isTextual()) {
      String name = type.asText().toLowerCase(Locale.ROOT);
      return PRIMITIVES.getOrDefault(name, name);
    }
    return switch (type.path("type").asText()) {
      case "struct" -> "struct<" + StreamSupport.stream(type.path("fields").spliterator(), false)
          .map(field -> field.path("name").asText() + ":" + type(field.path("type"))
              + (field.path("nullable").asBoolean(true) ? "" : " not null"))
          .collect(Collectors.joining(",")) + ">";
      case "array" -> "array<" + type(type.path("elementType")) + ">";
      case "map" -> "map<" + type(type.path("keyType")) + "," + type(type.path("valueType")) + ">";
      default -> type.toString();
    };
  }
}
