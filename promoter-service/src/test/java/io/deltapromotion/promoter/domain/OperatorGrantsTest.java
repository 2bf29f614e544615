package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.promoter.domain.OperatorGrants.Action;
import io.deltapromotion.promoter.domain.OperatorGrants.Grant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorGrantsTest {

  private final OperatorGrants grants = new OperatorGrants(Map.of(
      "alice", List.of(Grant.parse("approve:live"), Grant.parse("promote:prod")),
      "carol", List.of(Grant.parse("rollback:*"))));

  @Test
  void givenGrantsPerStageAndAction_whenOperatorsAct_thenOnlyWhatTheirGrantsNameIsAllowed() {
    assertThatCode(() -> grants.require("alice", Action.APPROVE, "live")).doesNotThrowAnyException();
    assertThatCode(() -> grants.require("alice", Action.PROMOTE, "prod")).doesNotThrowAnyException();
    assertThatCode(() -> grants.require("carol", Action.ROLLBACK, "live")).doesNotThrowAnyException();

    assertThatThrownBy(() -> grants.require("alice", Action.APPROVE, "prod"))
        .isInstanceOf(OperatorNotAllowedException.class)
        .hasMessage("alice may not approve in prod (their grants: [approve:live, promote:prod])");
    assertThatThrownBy(() -> grants.require("alice", Action.ROLLBACK, "live")).isInstanceOf(OperatorNotAllowedException.class);
    assertThatThrownBy(() -> grants.require("carol", Action.APPROVE, "live")).isInstanceOf(OperatorNotAllowedException.class);
  }

  @Test
  void givenAnOperatorWithoutGrants_whenActing_thenEverythingIsAllowedAsBeforeGrantsExisted() {
    assertThatCode(() -> grants.require("bob", Action.ROLLBACK, "live")).doesNotThrowAnyException();
    assertThatCode(() -> new OperatorGrants(Map.of()).require("alice", Action.APPROVE, "live"))
        .doesNotThrowAnyException();
  }

  @Test
  void givenMalformedGrants_whenParsed_thenTheErrorSaysWhatAGrantIs() {
    assertThatThrownBy(() -> Grant.parse("approve")).hasMessageContaining("a grant is action:stage");
    assertThatThrownBy(() -> Grant.parse("approve:")).hasMessageContaining("a grant is action:stage");
    assertThatThrownBy(() -> Grant.parse("deploy:live")).hasMessageContaining("unknown action 'deploy'");
  }
}
