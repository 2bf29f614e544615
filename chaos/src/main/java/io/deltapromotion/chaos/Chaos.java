package io.deltapromotion.chaos;

import io.deltapromotion.stack.StackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bin/chaos}: runs the four services on a stack of the suite's own, feeds them the workload,
 * plays every scenario (each commits a batch of new versions and injects its fault), and prints one row
 * per scenario judged from the topics and the warehouse. Exit status 0 when no row breaks the promise, 1
 * when one does, 2 on a usage error.
 */
public final class Chaos {

  private Chaos() {}

  /** How to run the suite. */
  record Options(boolean shortRun, int tables, int batch, List<String> only, int portBase, Path runDirectory, long seed,
      Duration settleTimeout) {

    /** Tables committed to by each scenario of a full run: the batches rotate so every table gets several. */
    static final int FULL_RUN_BATCH = 20;

    static Options parse(String[] args, Path repository) {
      boolean shortRun = false;
      Integer tables = null;
      Integer batch = null;
      List<String> only = List.of();
      int portBase = 29092;
      Path runDirectory = repository.resolve(".chaos");
      long seed = System.nanoTime();
      for (int index = 0; index < args.length; index++) {
        String option = args[index];
        switch (option) {
          case "--short" -> shortRun = true;
          case "--tables" -> tables = Integer.parseInt(value(args, ++index, option));
          case "--batch" -> batch = Integer.parseInt(value(args, ++index, option));
          case "--scenarios" -> only = List.of(value(args, ++index, option).split(","));
          case "--port-base" -> portBase = Integer.parseInt(value(args, ++index, option));
          case "--run-dir" -> runDirectory = Path.of(value(args, ++index, option)).toAbsolutePath();
          case "--seed" -> seed = Long.parseLong(value(args, ++index, option));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      int count = tables != null ? tables : shortRun ? 6 : 100;
      int perScenario = Math.min(count, batch != null ? batch : shortRun ? count : FULL_RUN_BATCH);
      if (count < 1 || perScenario < 1) {
        throw new IllegalArgumentException("--tables and --batch must be at least 1");
      }
      return new Options(shortRun, count, perScenario, only, portBase, runDirectory, seed,
          shortRun ? Duration.ofMinutes(8) : Duration.ofMinutes(25));
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }

  public static void main(String[] args) throws Exception {
    Path repository = StackSettings.findRepository(Path.of("."));
    Options options;
    try {
      options = Options.parse(args, repository);
    } catch (IllegalArgumentException e) {
      System.err.println("chaos: " + e.getMessage());
      System.err.println("usage: bin/chaos [--short] [--tables N] [--batch N] [--scenarios a,b] [--port-base P] [--run-dir DIR] [--seed S]");
      System.exit(2);
      return;
    }
    System.exit(run(options, repository, System.out).stream().anyMatch(Outcome::broken) ? 1 : 0);
  }

  /** Runs the suite and prints its table; returns every scenario's outcome. */
  static List<Outcome> run(Options options, Path repository, PrintStream out) throws Exception {
    Random random = new Random(options.seed());
    List<Scenario> scenarios = Scenarios.all(random, options.shortRun()).stream()
        .filter(scenario -> options.only().isEmpty() ? !options.shortRun() || scenario.inShortRun()
            : options.only().contains(scenario.name()))
        .toList();
    out.printf("chaos: %d tables, %d committed to per scenario, scenarios %s, seed %d%n", options.tables(),
        options.batch(), scenarios.stream().map(Scenario::name).toList(), options.seed());
    List<Outcome> outcomes = new ArrayList<>();
    Instant started = Instant.now();
    try (ChaosRun run = new ChaosRun(repository, options.runDirectory(), options.portBase(), options.tables(),
        options.settleTimeout(), out)) {
      run.prepare();
      Map<String, List<String>> doubleClonesBefore = new HashMap<>(run.doubleClones());
      int played = 0;
      for (Scenario scenario : scenarios) {
        run.say("scenario " + scenario.name());
        Instant since = Instant.now();
        List<Workload.Table> batch = batch(run.workload().tables(), options.batch(), played++);
        String unplayed = null;
        try {
          scenario.play().on(run, batch);
        } catch (Exception e) {
          unplayed = e.getMessage();
          run.say("the scenario could not be played to its end: " + e.getMessage());
          run.healed();
        }
        Outcome outcome = run.judge(scenario.name(), since, batch, run.committed(batch));
        if (unplayed != null) {
          outcome.problems.add("BROKEN the suite could not play the scenario to its end: " + unplayed);
        }
        Map<String, List<String>> doubleClones = run.doubleClones();
        doubleClones.forEach((table, notes) -> notes.stream()
            .filter(note -> !doubleClonesBefore.getOrDefault(table, List.of()).contains(note))
            .forEach(note -> outcome.problems.add("double clone: " + table + " " + note)));
        outcome.doubleClones = (int) outcome.problems.stream().filter(problem -> problem.startsWith("double clone")).count();
        doubleClonesBefore.putAll(doubleClones);
        if (scenario.name().startsWith("release")) {
          checkRelease(run, since, outcome);
        }
        outcomes.add(outcome);
        out.println(Outcome.header());
        out.println(outcome.row());
        outcome.problems.forEach(problem -> out.println("  " + problem));
      }
    }
    out.println();
    out.printf("Fault-injection suite, %s, %d tables, %d committed to per scenario, %d min (seed %d):%n", LocalDate.now(),
        options.tables(), options.batch(), Duration.between(started, Instant.now()).toMinutes(), options.seed());
    out.println(Outcome.header());
    outcomes.forEach(outcome -> out.println(outcome.row()));
    return outcomes;
  }

  /** The scenario's batch: the next {@code size} tables after the previous scenario's, wrapping around. */
  static List<Workload.Table> batch(List<Workload.Table> tables, int size, int scenario) {
    List<Workload.Table> batch = new ArrayList<>(size);
    for (int index = 0; index < size; index++) {
      batch.add(tables.get((scenario * size + index) % tables.size()));
    }
    return batch;
  }

  /**
   * Every table of the release ends with exactly one outcome into live (or a clone, then its rollback when
   * another table failed), and either every table ends in live (PROMOTED, or SKIPPED: live held it
   * already) or none does.
   */
  private static void checkRelease(ChaosRun run, Instant since, Outcome outcome) {
    Map<String, List<String>> outcomes = new Judgement(run.records(), since).releaseOutcomes(Workload.RELEASE, "live");
    long released = run.workload().tables().stream().filter(Workload.Table::released).count();
    boolean oneEach = outcomes.size() == released && outcomes.values().stream()
        .allMatch(list -> list.size() == 1 || list.equals(List.of("PROMOTED", "ROLLED_BACK")));
    boolean allAlike = outcomes.values().stream().map(list -> List.of("PROMOTED", "SKIPPED").contains(list.get(list.size() - 1)))
        .distinct().count() <= 1;
    if (!oneEach || !allAlike) {
      outcome.problems.add("BROKEN release " + Workload.RELEASE + " is not all or nothing: " + outcomes);
    } else {
      outcome.problems.add("release " + Workload.RELEASE + ": " + outcomes);
    }
  }
}
