package io.deltapromotion.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a process that died during start-up logged about why, found in its log: Spring Boot's
 * "APPLICATION FAILED TO START" description, else the exception it died of and each of its causes, the
 * root cause last. A log's last lines are often only stack frames ("... 21 common frames omitted"), which
 * say nothing; this is what to print first.
 */
final class StartupFailure {

  private static final Pattern EXCEPTION = Pattern.compile("^(Caused by: )?([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error)(: .*)?$");
  private static final String FAILED_TO_START = "APPLICATION FAILED TO START";
  private static final int MAX_LINE = 400;

  private StartupFailure() {}

  /** The lines that say why, in the order they were logged; empty when the log has none. */
  static List<String> explain(String log) {
    List<String> lines = log.lines().map(String::strip).toList();
    List<String> description = description(lines);
    if (!description.isEmpty()) {
      return description;
    }
    Set<String> exceptions = new LinkedHashSet<>();
    for (String line : lines) {
      if (EXCEPTION.matcher(line).matches()) {
        exceptions.add(abbreviate(line));
      }
    }
    return lastChain(new ArrayList<>(exceptions));
  }

  /** Spring Boot's failure analysis: the lines between "Description:" and the end of "Action:". */
  private static List<String> description(List<String> lines) {
    int start = lines.lastIndexOf(FAILED_TO_START);
    if (start < 0) {
      return List.of();
    }
    List<String> said = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (!line.isEmpty() && !line.chars().allMatch(c -> c == '*')) {
        said.add(abbreviate(line));
      }
    }
    return said;
  }

  /** The last exception logged that is not a cause, and the causes after it. */
  private static List<String> lastChain(List<String> exceptions) {
    int top = -1;
    for (int index = 0; index < exceptions.size(); index++) {
      if (!exceptions.get(index).startsWith("Caused by: ")) {
        top = index;
      }
    }
    return top < 0 ? exceptions : exceptions.subList(top, exceptions.size());
  }

  private static String abbreviate(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
  }
}
