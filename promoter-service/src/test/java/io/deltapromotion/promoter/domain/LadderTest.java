package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LadderTest {

  private static final Transition OPEN = new Transition(true, false, Duration.ZERO, CloneType.SHALLOW);

  @Test
  void givenFourStagesWhenATableIsLocatedThenItKeepsItsNameAndSchemaPositionInEveryStage() {
    Ladder ladder = new Ladder(List.of(stage("dev", null, "quant", "gold"), stage("staging", OPEN, "quant_stg", "gold_stg"),
        stage("limited-release", OPEN, "quant_lr", "gold_lr"), stage("live", OPEN, "quant_live", "gold_live")));
    TableName orders = TableName.parse("gold.orders");

    assertThat(ladder.stageOf(orders)).contains(0);
    assertThat(ladder.stageOf(TableName.parse("gold_lr.orders"))).contains(2);
    assertThat(ladder.stageOf(TableName.parse("elsewhere.orders"))).isEqualTo(Optional.empty());
    assertThat(ladder.tableIn(orders, 3)).isEqualTo(TableName.parse("gold_live.orders"));
    assertThat(ladder.tableIn(TableName.parse("quant_stg.t"), 0)).isEqualTo(TableName.parse("quant.t"));
    assertThat(ladder).hasToString("dev → staging → limited-release → live");
  }

  @Test
  void givenBadStagesWhenTheLadderIsBuiltThenEveryProblemIsNamed() {
    assertThatThrownBy(() -> new Ladder(List.of(stage("prod", null, "pr"))))
        .hasMessageContaining("at least two stages");
    assertThatThrownBy(() -> new Ladder(List.of(stage("pp", null, "a", "b"), stage("pp", OPEN, "c"))))
        .hasMessageContaining("'pp' is used twice")
        .hasMessageContaining("stage 'pp' has 1 schemas, the first stage 2");
    assertThatThrownBy(() -> new Ladder(List.of(stage("pp", null, "a"), stage("pr", OPEN, "a"))))
        .hasMessageContaining("schema a is in more than one place");
    assertThatThrownBy(() -> new Ladder(List.of(stage("pp", OPEN, "a"), stage("pr", null, "b"))))
        .hasMessageContaining("the first stage has no entry gates").hasMessageContaining("'pr': has no entry gates");
  }

  private static Stage stage(String name, Transition entry, String... schemas) {
    return new Stage(name, Arrays.stream(schemas).map(SchemaName::parse).toList(), entry);
  }
}
