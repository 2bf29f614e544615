package io.deltapromotion.promoter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.jdbc.WarehouseDialect;
import io.deltapromotion.promoter.config.LadderProperties.StageProperties;
import io.deltapromotion.promoter.domain.Ladder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderFactoryTest {

  @Test
  void givenNoApprovalSettingWhenBuiltThenOnlyTheLastStageRequiresApproval() {
    Ladder ladder = LadderFactory.build(properties(
        stage("dev", "quant", CloneType.SHALLOW), stage("staging", "quant_stg", CloneType.SHALLOW),
        stage("live", "quant_live", CloneType.SHALLOW)), WarehouseDialect.OPEN_SOURCE_DELTA);

    assertThat(ladder.stage(0).entry()).isNull();
    assertThat(ladder.stage(1).entry().approvalRequired()).isFalse();
    assertThat(ladder.stage(2).entry().approvalRequired()).isTrue();
    assertThat(ladder.stage(2).entry().qcRequired()).isTrue();
  }

  @Test
  void givenADeepCloneOnOpenSourceDeltaWhenBuiltThenStartUpIsRefusedNamingTheStageAndProperty() {
    assertThatThrownBy(() -> LadderFactory.build(properties(stage("pp", "a", CloneType.SHALLOW), stage("pr", "b", CloneType.DEEP)),
        WarehouseDialect.OPEN_SOURCE_DELTA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deltapromotion.promoter.stages[1] (pr).clone-type: deep clones are Databricks-only");
    assertThat(LadderFactory.build(properties(stage("pp", "a", CloneType.SHALLOW), stage("pr", "b", CloneType.DEEP)),
        WarehouseDialect.DATABRICKS).stage(1).entry().cloneType()).isEqualTo(CloneType.DEEP);
  }

  @Test
  void givenFourEyesOnAStage_whenBuilt_thenItsEntryHasThem_andWithoutAnApprovalStartUpIsRefused() {
    StageProperties live = new StageProperties("live", List.of("l"), true, null, Duration.ZERO, CloneType.SHALLOW, true);
    StageProperties staging = new StageProperties("stg", List.of("s"), true, false, Duration.ZERO, CloneType.SHALLOW, true);

    assertThat(LadderFactory.build(properties(stage("pp", "a", CloneType.SHALLOW), live), WarehouseDialect.OPEN_SOURCE_DELTA)
        .stage(1).entry().fourEyes()).isTrue();
    assertThatThrownBy(() -> LadderFactory.build(properties(stage("pp", "a", CloneType.SHALLOW), staging, live),
        WarehouseDialect.OPEN_SOURCE_DELTA))
        .hasMessageContaining("deltapromotion.promoter.stages[1] (stg).four-eyes: four eyes need an approval");
  }

  @Test
  void givenAHostileSchemaNameWhenBuiltThenStartUpIsRefusedNamingTheStage() {
    assertThatThrownBy(() -> LadderFactory.build(properties(stage("pp", "a", CloneType.SHALLOW),
        stage("pr", "b; DROP SCHEMA a", CloneType.SHALLOW)), WarehouseDialect.OPEN_SOURCE_DELTA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deltapromotion.promoter.stages[1] (pr).schemas").hasMessageContaining("';'");
  }

  private static LadderProperties properties(StageProperties... stages) {
    return new LadderProperties(List.of(stages), Duration.ofSeconds(30), 3);
  }

  private static StageProperties stage(String name, String schema, CloneType cloneType) {
    return new StageProperties(name, List.of(schema), true, null, Duration.ZERO, cloneType, false);
  }
}
