package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.Column;
import org.junit.jupiter.api.Test;

class DeltaSchemaJsonTest {

  @Test
  void givenADeltaSchemaStringWhenParsedThenNamesSqlTypesNullabilityAndCommentsAreRead() {
    String schema = """
        {"type":"struct","fields":[
          {"name":"id","type":"long","nullable":false,"metadata":{}},
          {"name":"name","type":"string","nullable":true,"metadata":{"comment":"display name"}},
          {"name":"amount","type":"decimal(10,2)","nullable":true,"metadata":{}},
          {"name":"n","type":"integer","nullable":true,"metadata":{}},
          {"name":"tags","type":{"type":"array","elementType":"string","containsNull":true},"nullable":true,"metadata":{}},
          {"name":"attrs","type":{"type":"map","keyType":"string","valueType":"short","valueContainsNull":true},"nullable":true,"metadata":{}},
          {"name":"address","type":{"type":"struct","fields":[
              {"name":"city","type":"string","nullable":false,"metadata":{}},
              {"name":"zip","type":"byte","nullable":true,"metadata":{}}]},"nullable":true,"metadata":{}}
        ]}""";

    assertThat(DeltaSchemaJson.parse(schema).columns()).containsExactly(
        new Column("id", "bigint", false, null),
        new Column("name", "string", true, "display name"),
        new Column("amount", "decimal(10,2)", true, null),
        new Column("n", "int", true, null),
        new Column("tags", "array<string>", true, null),
        new Column("attrs", "map<string,smallint>", true, null),
        new Column("address", "struct<city:string not null,zip:tinyint>", true, null));
  }
}
