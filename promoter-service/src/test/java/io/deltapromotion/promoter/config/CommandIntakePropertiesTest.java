package io.deltapromotion.promoter.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.promoter.config.CommandIntakeProperties.Operator;
import io.deltapromotion.promoter.domain.OperatorGrants;
import io.deltapromotion.promoter.domain.OperatorNotAllowedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandIntakePropertiesTest {

  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @Test
  void givenOperatorsWithGrants_whenBuiltAgainstTheLadder_thenEachMayDoWhatTheirGrantsSay() {
    CommandIntakeProperties intake = new CommandIntakeProperties(List.of(
        new Operator("alice", TOKEN, List.of("approve:live", "rebaseline:dev")),
        new Operator("ops", TOKEN + "x", List.of())));

    OperatorGrants grants = intake.grants(List.of("dev", "prod", "live"));

    assertThatCode(() -> grants.require("alice", OperatorGrants.Action.APPROVE, "live")).doesNotThrowAnyException();
    assertThatCode(() -> grants.require("ops", OperatorGrants.Action.ROLLBACK, "prod")).doesNotThrowAnyException();
    assertThatThrownBy(() -> grants.require("alice", OperatorGrants.Action.PROMOTE, "live"))
        .isInstanceOf(OperatorNotAllowedException.class);
  }

  @Test
  void givenAGrantNamingNoStageOrMalformed_whenBuilt_thenStartUpFailsNamingTheOperatorAndTheGrant() {
    assertThatThrownBy(() -> new CommandIntakeProperties(List.of(new Operator("alice", TOKEN, List.of("approve:lve"))))
        .grants(List.of("dev", "prod", "live")))
        .hasMessage("deltapromotion.promoter.commands.operators[alice].may: approve:lve names no stage of the ladder; "
            + "those are [dev, prod, live]");
    assertThatThrownBy(() -> new CommandIntakeProperties(List.of(new Operator("alice", TOKEN, List.of("live"))))
        .grants(List.of("dev", "prod", "live")))
        .hasMessageStartingWith("deltapromotion.promoter.commands.operators[alice].may: a grant is action:stage");
  }
}
