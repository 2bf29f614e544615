package io.deltapromotion.infrastructure.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloneRequestTest {

  private final TableName source = TableName.parse("dap_silver_pp.author_profile");
  private final TableName target = TableName.parse("dap_silver_pr.author_profile");

  @Test
  void givenLineagePropertiesWhenRequestedThenTheirOrderIsKept() {
    Map<String, String> lineage = new LinkedHashMap<>();
    lineage.put("promoted_version", "189");
    lineage.put("promoted_from", source.toString());
    lineage.put("release_tag", "2025Q4_R1");
    lineage.put("promoted_at", "2025-10-27T14:00:00Z");

    CloneRequest request = CloneRequest.shallow(source, 189, target, lineage);

    assertThat(request.properties()).containsEntry("promoted_from", "dap_silver_pp.author_profile");
    assertThat(request.type()).isEqualTo(CloneType.SHALLOW);
    assertThat(request.properties().keySet())
        .containsExactly("promoted_version", "promoted_from", "release_tag", "promoted_at");
  }

  @Test
  void givenAPropertyKeyThatCouldEscapeTheLiteralWhenRequestedThenItIsRejected() {
    assertThatThrownBy(() -> CloneRequest.shallow(source, 1, target, Map.of("k') --", "v")))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageContaining("table property key");
  }

  @Test
  void givenTheSameSourceAndTargetWhenRequestedThenItIsRejected() {
    assertThatThrownBy(() -> CloneRequest.shallow(source, 1, source, Map.of()))
        .hasMessageContaining("onto itself");
  }

  @Test
  void givenANegativeVersionWhenRequestedThenItIsRejected() {
    assertThatThrownBy(() -> CloneRequest.shallow(source, -1, target, Map.of()))
        .hasMessageContaining("never negative");
  }
}
