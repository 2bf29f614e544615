package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Part;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Phase;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.State;
import io.deltapromotion.promoter.domain.ReleaseCoordinator.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseCoordinatorTest {

  private static final TableName ORDERS = TableName.parse("dev.orders");
  private static final TableName BALANCES = TableName.parse("dev.balances");
  private static final TableName TRADES = TableName.parse("dev.trades");
  private static final List<TableName> RELEASE = List.of(ORDERS, BALANCES, TRADES);

  @Test
  void givenANewOrder_whenAsked_thenEveryTableIsPreparedFirst() {
    assertThat(next(Map.of())).isEqualTo(new Step.Order(Phase.PREPARE, RELEASE));
  }

  @Test
  void givenSomeOwnersHaveNotAnsweredThePreparation_whenAsked_thenItWaits() {
    assertThat(next(Map.of(ORDERS, Part.READY), Phase.PREPARE)).isEqualTo(new Step.Await());
  }

  @Test
  void givenEveryTableReady_whenAsked_thenEveryOneGoes() {
    assertThat(next(Map.of(ORDERS, Part.READY, BALANCES, Part.READY, TRADES, Part.READY), Phase.PREPARE))
        .isEqualTo(new Step.Order(Phase.GO, RELEASE));
  }

  @Test
  void givenOneTableRefused_whenAsked_thenEveryTableNotRefusedIsReleasedAtOnce_answeredOrNot() {
    assertThat(next(Map.of(ORDERS, Part.READY, BALANCES, Part.REFUSED), Phase.PREPARE))
        .isEqualTo(new Step.Order(Phase.ABORT, List.of(ORDERS, TRADES)));
  }

  @Test
  void givenEveryTableRefused_whenAsked_thenTheOrderIsOverWithNothingToRelease() {
    assertThat(next(Map.of(ORDERS, Part.REFUSED, BALANCES, Part.REFUSED, TRADES, Part.REFUSED), Phase.PREPARE))
        .isEqualTo(new Step.Over());
  }

  @Test
  void givenTheAbortOrdered_whenAskedAgain_thenNothingMoreIsOrdered() {
    assertThat(next(Map.of(ORDERS, Part.READY, BALANCES, Part.REFUSED), Phase.PREPARE, Phase.ABORT))
        .isEqualTo(new Step.Over());
  }

  @Test
  void givenClonesStillRunning_whenOneFailed_thenItWaitsForTheOthersBeforeUndoing() {
    assertThat(next(Map.of(ORDERS, Part.PROMOTED, BALANCES, Part.FAILED, TRADES, Part.READY), Phase.PREPARE, Phase.GO))
        .isEqualTo(new Step.Await());
  }

  @Test
  void givenEveryCloneDoneAndOneFailed_whenAsked_thenTheClonedOnesAreUndoneOnce() {
    Map<TableName, Part> parts = Map.of(ORDERS, Part.PROMOTED, BALANCES, Part.FAILED, TRADES, Part.PROMOTED);

    assertThat(next(parts, Phase.PREPARE, Phase.GO)).isEqualTo(new Step.Order(Phase.UNDO, List.of(ORDERS, TRADES)));
    assertThat(next(parts, Phase.PREPARE, Phase.GO, Phase.UNDO)).isEqualTo(new Step.Over());
  }

  @Test
  void givenEveryTablePromoted_whenAsked_thenTheOrderIsOver() {
    assertThat(next(Map.of(ORDERS, Part.PROMOTED, BALANCES, Part.PROMOTED, TRADES, Part.PROMOTED), Phase.PREPARE, Phase.GO))
        .isEqualTo(new Step.Over());
  }

  @Test
  void givenAPartOfATableOutsideTheOrder_whenStated_thenRefused() {
    assertThatThrownBy(() -> new State(List.of(ORDERS), Map.of(BALANCES, Part.READY), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Step next(Map<TableName, Part> parts, Phase... ordered) {
    return ReleaseCoordinator.next(new State(RELEASE, parts, Set.of(ordered)));
  }
}
