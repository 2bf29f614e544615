package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageGrantsTest {

  private final Ladder ladder = new Ladder(List.of(
      new Stage("preprod", List.of(SchemaName.parse("main.silver_pp")), null),
      new Stage("prod", List.of(SchemaName.parse("main.silver_pr")), new Transition(true, true, Duration.ZERO,
          CloneType.SHALLOW))));

  @Test
  void givenALadder_whenGrantsAreAsked_thenThePromoterOwnsAndWritesEveryWrittenStage_andOthersOnlyRead() {
    List<String> statements = StageGrants.statements(ladder, "sp-promoter", List.of("account users"));

    assertThat(statements).containsExactly(
        "-- preprod: the pipelines write it; the promoter reads it to clone from it",
        "GRANT USE SCHEMA, SELECT ON SCHEMA `main`.`silver_pp` TO `sp-promoter`;",
        "-- prod: written only by sp-promoter",
        "ALTER SCHEMA `main`.`silver_pr` OWNER TO `sp-promoter`;",
        "GRANT USE SCHEMA, SELECT, MODIFY, CREATE TABLE ON SCHEMA `main`.`silver_pr` TO `sp-promoter`;",
        "REVOKE MODIFY, CREATE TABLE ON SCHEMA `main`.`silver_pr` FROM `account users`;",
        "GRANT USE SCHEMA, SELECT ON SCHEMA `main`.`silver_pr` TO `account users`;",
        "SHOW GRANTS ON SCHEMA `main`.`silver_pr`;  -- no one else may hold MODIFY or CREATE TABLE");
  }

  @Test
  void givenAPrincipalThatIsNoName_whenGrantsAreAsked_thenItIsRefusedBeforeAnyStatementIsWritten() {
    assertThatThrownBy(() -> StageGrants.statements(ladder, "sp`; DROP SCHEMA x; --", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a principal's name");
    assertThatThrownBy(() -> StageGrants.statements(ladder, "sp", List.of("users`")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
