package io.deltapromotion.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The operators' command-line tool. {@code bin/promotion <command> [options]}: sends the command to the
 * promoter's command endpoint with the operator's token (from {@value CliOptions#TOKEN_VARIABLE}, never an
 * argument: arguments show in process lists) and prints the answer as text, JSON or markdown.
 *
 * <p>Exit status: 0 accepted (or a dry run's plan), 1 refused by the promoter, 2 a usage error,
 * 3 the promoter could not be reached or failed.
 */
public final class OperatorCli {

  public static final int OK = 0;
  public static final int REFUSED = 1;
  public static final int USAGE = 2;
  public static final int UNAVAILABLE = 3;

  private OperatorCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("dead-letters")) {
      return DeadLettersCommand.run(List.of(args).subList(1, args.length), environment, out, err);
    }
    CliOptions options;
    try {
      options = CliOptions.parse(args, environment);
    } catch (IllegalArgumentException e) {
      err.println("promotion: " + e.getMessage());
      err.println();
      err.print(CliOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.print(CliOptions.USAGE);
      return OK;
    }
    try {
      PromoterClient promoter = new PromoterClient(options.url(), options.token());
      Answer answer = switch (options.command()) {
        case "rebaseline-status" -> promoter.read("rebaseline");
        case "grants" -> promoter.read(options.grantsQuery());
        default -> promoter.send(options.command(), options.body(), options.dryRun());
      };
      out.print(options.output().format(options.command(), answer));
      return answer.accepted() ? OK : answer.status() >= 500 ? UNAVAILABLE : REFUSED;
    } catch (PromoterClient.UnreachableException e) {
      err.println("promotion: " + e.getMessage());
      return UNAVAILABLE;
    }
  }
}
