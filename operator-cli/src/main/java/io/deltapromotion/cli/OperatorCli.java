package io.deltapromotion.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The operators' command-line tool, {@code bin/promotion <command> [options]} ({@link PromotionCommand} and
 * its subcommands): sends the command to the promoter's command endpoint with the operator's token
 * (from {@value PromoterCommands#TOKEN_VARIABLE}, never an argument: arguments show in process lists) and
 * prints the answer as text, JSON or markdown; lists and sends back dead letters.
 *
 * <p>Exit status: 0 accepted (or a dry run's plan), 1 refused, 2 a usage error, 3 the promoter or the
 * broker could not be reached or failed.
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
    CommandLine commandLine = commandLine(environment, out, err);
    return commandLine.execute(args);
  }

  static CommandLine commandLine(Map<String, String> environment, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new PromotionCommand(environment, out, err));
    commandLine.setUsageHelpWidth(100);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((exception, args) -> {
      CommandLine failed = exception.getCommandLine();
      err.println("promotion: " + exception.getMessage());
      err.println();
      failed.usage(err);
      return USAGE;
    });
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      throw exception;
    });
    return commandLine;
  }
}
