package io.deltapromotion.schemas.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/** Edits a record schema's JSON the way a developer would edit an .avsc, to test evolution rules. */
public final class SchemaEdits {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaEdits() {}

  public static Schema withField(Schema record, String fieldJson) {
    return edit(record, root -> ((ArrayNode) root.get("fields")).add(parse(fieldJson)));
  }

  public static Schema withoutField(Schema record, String name) {
    return edit(record, root -> {
      ArrayNode fields = (ArrayNode) root.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).get("name").asText().equals(name)) {
          fields.remove(i);
          return;
        }
      }
      throw new IllegalArgumentException("no field " + name);
    });
  }

  public static Schema withFieldRenamed(Schema record, String from, String to) {
    return edit(record, root -> root.get("fields").forEach(field -> {
      if (field.get("name").asText().equals(from)) {
        ((ObjectNode) field).put("name", to);
      }
    }));
  }

  /** Appends a symbol to the enum type of a top-level field. */
  public static Schema withEnumSymbol(Schema record, String field, String symbol) {
    return edit(record, root -> root.get("fields").forEach(node -> {
      if (node.get("name").asText().equals(field)) {
        ((ArrayNode) node.get("type").get("symbols")).add(symbol);
      }
    }));
  }

  private static Schema edit(Schema record, Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) parse(record.toString());
    change.accept(root);
    return new Schema.Parser().parse(root.toString());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
