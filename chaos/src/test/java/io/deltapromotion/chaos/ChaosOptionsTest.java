package io.deltapromotion.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

  private static final Path REPOSITORY = Path.of("/repository");

  @Test
  void givenNoOptionsWhenParsedThenAHundredTablesAreCommittedToTwentyAtATime() {
    Chaos.Options options = Chaos.Options.parse(new String[0], REPOSITORY);

    assertThat(options.tables()).isEqualTo(100);
    assertThat(options.batch()).isEqualTo(20);
  }

  @Test
  void givenTheShortRunWhenParsedThenEveryScenarioCommitsToEveryTable() {
    Chaos.Options options = Chaos.Options.parse(new String[] {"--short"}, REPOSITORY);

    assertThat(options.batch()).isEqualTo(options.tables());
  }

  @Test
  void givenABatchLargerThanTheTablesWhenParsedThenItIsCappedAtTheTables() {
    assertThat(Chaos.Options.parse(new String[] {"--tables", "8", "--batch", "50"}, REPOSITORY).batch()).isEqualTo(8);
    assertThatThrownBy(() -> Chaos.Options.parse(new String[] {"--batch", "0"}, REPOSITORY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenElevenScenariosOfTwentyOverAHundredTablesWhenBatchedThenEveryTableGetsTwoOrThreeCommits() {
    List<Workload.Table> tables = new Workload("jdbc:none", java.net.URI.create("http://127.0.0.1:1"), "token", 100).tables();
    Map<Workload.Table, Integer> commits = new HashMap<>();

    IntStream.range(0, 11).forEach(scenario -> {
      List<Workload.Table> batch = Chaos.batch(tables, 20, scenario);
      assertThat(batch).hasSize(20).doesNotHaveDuplicates();
      batch.forEach(table -> commits.merge(table, 1, Integer::sum));
    });

    assertThat(commits).hasSize(100);
    assertThat(commits.values()).allSatisfy(count -> assertThat(count).isBetween(2, 3));
  }
}
