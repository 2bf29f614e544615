package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Inputs are what the Spark Thrift Server (Spark 3.5.4, Delta 3.3.2) actually sent. */
class OperationParametersTest {

  @Test
  void givenACloneRenderingWhenParsedThenSourceAndVersionAreRead() {
    assertThat(OperationParameters.parse("{\"source\":\"spark_catalog.dap_silver_pp.t1\",\"sourceVersion\":\"1\"}"))
        .containsExactly(entry("source", "spark_catalog.dap_silver_pp.t1"), entry("sourceVersion", "1"));
  }

  @Test
  void givenUnescapedJsonInsideAValueWhenParsedThenTheValueIsKeptWhole() {
    String raw = "{\"columns\":\"[{\"column\":{\"name\":\"score\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}}]\"}";

    assertThat(OperationParameters.parse(raw)).containsExactly(entry("columns",
        "[{\"column\":{\"name\":\"score\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}}]"));
  }

  @Test
  void givenADeletePredicateWhenParsedThenTheArrayIsKept() {
    assertThat(OperationParameters.parse("{\"predicate\":\"[\"true\"]\"}")).containsExactly(entry("predicate", "[\"true\"]"));
  }

  @Test
  void givenNullAndEmptyStructuresWhenParsedThenEachKeyIsRead() {
    String raw = "{\"clusterBy\":\"[]\",\"description\":null,\"isManaged\":\"true\",\"partitionBy\":\"[]\",\"properties\":\"{}\"}";

    assertThat(OperationParameters.parse(raw)).containsExactly(entry("clusterBy", "[]"), entry("description", null),
        entry("isManaged", "true"), entry("partitionBy", "[]"), entry("properties", "{}"));
  }

  @Test
  void givenACommentWithQuotesWhenParsedThenTheNestedObjectIsKept() {
    assertThat(OperationParameters.parse("{\"properties\":\"{\"comment\":\"hello 'x'\"}\"}"))
        .containsExactly(entry("properties", "{\"comment\":\"hello 'x'\"}"));
  }

  @Test
  void givenProperJsonAsDatabricksSendsItWhenParsedThenItIsReadAsJson() {
    assertThat(OperationParameters.parse("{\"mode\":\"Append\",\"statsOnLoad\":false,\"predicate\":\"[\\\"true\\\"]\"}"))
        .containsExactly(entry("mode", "Append"), entry("statsOnLoad", "false"), entry("predicate", "[\"true\"]"));
  }

  @Test
  void givenNothingWhenParsedThenThereAreNoParameters() {
    assertThat(OperationParameters.parse(null)).isEmpty();
    assertThat(OperationParameters.parse("{}")).isEmpty();
  }

  @Test
  void givenTextThatIsNotAMapWhenParsedThenItIsKeptRaw() {
    assertThat(OperationParameters.parse("garbage")).containsExactly(entry("_raw", "garbage"));
  }
}
