package io.deltapromotion.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short run of the fault-injection suite, as {@code bin/chaos --short} runs it: on its own stack,
 * with the services killed at random moments, the lakehouse down during a clone, and the notifier's and
 * QC's consumer groups deleted. Every row must keep the promise.
 */
class ChaosIT {

  @Test
  void givenTheShortRunWhenFaultsAreInjectedThenNoScenarioBreaksThePromise() throws Exception {
    Path repository = StackSettings.findRepository(Path.of("."));
    Chaos.Options options = Chaos.Options.parse(new String[] {"--short", "--run-dir",
        Path.of("target", "chaos").toAbsolutePath().toString()}, repository);

    List<Outcome> outcomes = Chaos.run(options, repository, System.out);

    assertThat(outcomes).extracting(outcome -> outcome.scenario)
        .containsExactly("kill-services", "lakehouse-down-30s-clone", "offsets-deleted", "promoter-zombie");
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.broken())
        .as("%s: %s", outcome.scenario, outcome.problems).isFalse());
  }
}
