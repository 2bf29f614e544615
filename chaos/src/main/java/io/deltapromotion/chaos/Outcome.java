package io.deltapromotion.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's row: what it produced and every way the promise was broken. Any count but
 * {@code versions} and {@code repairs} above zero breaks it.
 */
final class Outcome {

  final String scenario;
  int versions;
  int announcedTwice;
  int lost;
  int duplicated;
  int doubleClones;
  int stuck;
  int deadLetteredValid;
  int alertedTwice;
  int repairs;
  Duration recovery;
  final List<String> problems = new ArrayList<>();

  Outcome(String scenario) {
    this.scenario = scenario;
  }

  boolean broken() {
    return announcedTwice + lost + duplicated + doubleClones + stuck + deadLetteredValid + alertedTwice > 0
        || problems.stream().anyMatch(problem -> problem.startsWith("BROKEN"));
  }

  static String header() {
    return String.format("%-28s %8s %9s %5s %10s %7s %6s %13s %12s %7s %9s %s", "SCENARIO", "VERSIONS", "ANNOUNCED",
        "LOST", "DUPLICATED", "DOUBLE", "STUCK", "DEAD-LETTERED", "ALERTED", "REPAIRS", "RECOVERY", "RESULT")
        + "\n" + String.format("%-28s %8s %9s %5s %10s %7s %6s %13s %12s %7s %9s", "", "", "TWICE", "", "", "CLONES", "",
        "VALID INPUT", "TWICE", "", "(s)");
  }

  String row() {
    return String.format("%-28s %8d %9d %5d %10d %7d %6d %13d %12d %7d %9s %s", scenario, versions, announcedTwice, lost,
        duplicated, doubleClones, stuck, deadLetteredValid, alertedTwice, repairs,
        recovery == null ? "-" : Long.toString(recovery.toSeconds()), broken() ? "BROKEN" : "ok");
  }
}
