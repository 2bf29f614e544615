package io.deltapromotion.infrastructure.warehouse.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code operationParameters} column of DESCRIBE HISTORY, which arrives over JDBC as text.
 * Databricks sends JSON. The Spark Thrift Server renders the map as {@code {"k":"v",...}} without
 * escaping quotes inside values, e.g. {@code {"predicate":"["true"]"}}, so that form is read by
 * following the nesting of brackets inside each value.
 */
final class OperationParameters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OperationParameters() {}

  static Map<String, String> parse(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return parameters;
    }
    try {
      JsonNode node = JSON.readTree(raw);
      if (node.isObject()) {
        node.properties().forEach(entry -> parameters.put(entry.getKey(),
            entry.getValue().isNull() ? null : entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
        return parameters;
      }
    } catch (Exception notJson) {
      // Spark's unescaped rendering: read it below.
    }
    return parseSparkRendering(raw.strip(), parameters);
  }

  private static Map<String, String> parseSparkRendering(String text, Map<String, String> parameters) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      parameters.put("_raw", text);
      return parameters;
    }
    int i = 1;
    int end = text.length() - 1;
    while (i < end) {
      if (text.charAt(i) != '"') {
        parameters.put("_raw", text);
        return parameters;
      }
      int keyEnd = text.indexOf("\":", i + 1);
      if (keyEnd < 0) {
        parameters.put("_raw", text);
        return parameters;
      }
      String key = text.substring(i + 1, keyEnd);
      int valueStart = keyEnd + 2;
      int valueEnd;
      String value;
      if (text.startsWith("null", valueStart)) {
        value = null;
        valueEnd = valueStart + 4;
      } else if (text.charAt(valueStart) == '"') {
        valueEnd = closingQuote(text, valueStart + 1, end);
        value = text.substring(valueStart + 1, valueEnd);
        valueEnd++;
      } else {
        valueEnd = nextTopLevelComma(text, valueStart, end);
        value = text.substring(valueStart, valueEnd);
      }
      parameters.put(key, value);
      i = valueEnd < end && text.charAt(valueEnd) == ',' ? valueEnd + 1 : valueEnd;
    }
    return parameters;
  }

  /** The quote closing a value: at bracket depth 0 and followed by ',"' or the final '}'. */
  private static int closingQuote(String text, int from, int end) {
    int depth = 0;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == '"' && depth == 0 && (i + 1 == end || text.startsWith(",\"", i + 1))) {
        return i;
      }
    }
    return end - 1;
  }

  private static int nextTopLevelComma(String text, int from, int end) {
    int comma = text.indexOf(",\"", from);
    return comma < 0 || comma > end ? end : comma;
  }
}
