package io.deltapromotion.promoter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.CommandAction;
import io.deltapromotion.events.CommandItem;
import io.deltapromotion.events.EventEnvelope;
import io.deltapromotion.events.OperatorCommand;
import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.schemas.envelope.EventEnvelopes;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebaselineRunsTest {

  private final EventEnvelopes envelopes = new EventEnvelopes("promoter-service", "1", Clock.systemUTC());
  private final RebaselineRuns runs = new RebaselineRuns();

  @Test
  void givenARebaselineOfTwoTables_whenEachOutcomeIsFoldedTwice_thenEachCountsOnceAndTheRunEndsWithTheSecond() {
    OperatorCommand command = rebaseline(null, "base.authors", "base.books");
    String id = command.getEnvelope().getEventId().toString();
    runs.apply(command);
    PromotionDone authors = outcome(command.getEnvelope(), "pp.authors", PromotionStatus.PROMOTED, null);

    runs.apply(authors);
    runs.apply(authors);

    assertThat(runs.of(id)).hasValueSatisfying(run -> {
      assertThat(run.done()).isEqualTo(1);
      assertThat(run.of()).isEqualTo(2);
      assertThat(run.finishedAt()).isNull();
    });

    runs.apply(outcome(command.getEnvelope(), "pp.books", PromotionStatus.FAILED, "refused"));

    assertThat(runs.of(id)).hasValueSatisfying(run -> {
      assertThat(run.done()).isEqualTo(2);
      assertThat(run.failed()).containsExactly("pp.books: refused");
      assertThat(run.finishedAt()).isNotNull();
      assertThat(run.tag()).isEqualTo("BASELINE_202611");
    });
  }

  @Test
  void givenAnOutcomeReadBeforeTheRebaselineThatCausedIt_whenTheCommandIsRead_thenTheOutcomeCounts() {
    OperatorCommand command = rebaseline(null, "base.authors", "base.books");
    String id = command.getEnvelope().getEventId().toString();

    runs.apply(outcome(command.getEnvelope(), "pp.authors", PromotionStatus.PROMOTED, null));
    runs.apply(command);
    runs.apply(outcome(command.getEnvelope(), "pp.books", PromotionStatus.PROMOTED, null));

    assertThat(runs.of(id)).hasValueSatisfying(run -> {
      assertThat(run.done()).as("outcomes and commands are on different topics, read in no fixed order").isEqualTo(2);
      assertThat(run.finishedAt()).isNotNull();
    });
  }

  @Test
  void givenTheCommandsARebaselineWasSplitInto_whenFolded_thenTheyAreNoRebaselinesOfTheirOwn() {
    OperatorCommand command = rebaseline(null, "base.authors");
    runs.apply(command);

    runs.apply(rebaseline(command.getEnvelope().getEventId().toString(), "base.authors"));

    assertThat(runs.all()).singleElement().extracting(RebaselineRuns.Run::commandId)
        .isEqualTo(command.getEnvelope().getEventId().toString());
  }

  @Test
  void givenMoreRebaselinesThanKept_whenFolded_thenTheOldestIsForgotten() {
    OperatorCommand first = rebaseline(null, "base.authors");
    runs.apply(first);

    for (int more = 0; more < RebaselineRuns.KEPT; more++) {
      runs.apply(rebaseline(null, "base.authors"));
    }

    assertThat(runs.all()).hasSize(RebaselineRuns.KEPT);
    assertThat(runs.of(first.getEnvelope().getEventId().toString())).isEmpty();
  }

  private OperatorCommand rebaseline(String partOf, String... tables) {
    return OperatorCommand.newBuilder().setEnvelope(envelopes.first()).setAction(CommandAction.REBASELINE)
        .setTable(tables[0]).setVersion(1L).setStage("preprod").setActor("bob").setReleaseTag("BASELINE_202611")
        .setTargetSchema("pp").setPartOf(partOf)
        .setItems(List.of(tables).stream().map(table -> CommandItem.newBuilder().setTable(table).setVersion(1L).build())
            .toList())
        .build();
  }

  private PromotionDone outcome(EventEnvelope cause, String target, PromotionStatus status, String error) {
    return PromotionDone.newBuilder().setEnvelope(envelopes.causedBy(cause)).setSourceTable("base." + target.substring(3))
        .setSourceVersion(1L).setTargetTable(target).setTargetEnvironment("preprod").setStatus(status).setError(error)
        .build();
  }
}
