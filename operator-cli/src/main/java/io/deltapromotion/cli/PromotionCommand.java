package io.deltapromotion.cli;

import java.io.PrintStream;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code promotion}, the root of the operators' commands. Holds what every command shares: the
 * environment it reads its token, the promoter's URL and the Kafka client configuration from, and where
 * it prints (given, not global, so that tests run it in-process).
 */
@Command(name = "promotion",
    description = "The operators' command-line tool: orders to the promoter's command endpoints, sent with the "
        + "operator's token, and the services' dead letters.",
    subcommands = {PromoterCommands.Approve.class, PromoterCommands.Reject.class, PromoterCommands.Promote.class,
        PromoterCommands.Rollback.class, PromoterCommands.Rebaseline.class, PromoterCommands.RebaselineStatus.class,
        PromoterCommands.RebuildReleaseRegistry.class, PromoterCommands.Grants.class, DeadLettersCommand.class,
        AutoComplete.GenerateCompletion.class},
    synopsisSubcommandLabel = "<command>",
    footerHeading = "%n",
    footer = {
        "Tables are the ladder's first-stage tables ([catalog.]schema.table).",
        "",
        "Environment:",
        "  PROMOTION_TOKEN       the operator's token (never an argument: arguments show in process lists)",
        "  PROMOTION_TOKEN_FILE  else a file holding it (when neither is set, bin/promotion points it at",
        "                        the demo's .stack/operator-token)",
        "  PROMOTION_URL         the promoter (default " + PromoterOptions.DEFAULT_URL + ")",
        "  KAFKA_CLIENT_CONFIG   dead-letters: the Kafka client configuration to connect with",
        "",
        "Exit status: 0 accepted or planned, 1 refused, 2 usage error, 3 promoter or broker unreachable.",
        "Shell completion: source <(bin/promotion generate-completion)"})
final class PromotionCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  final Map<String, String> environment;
  final PrintStream out;
  final PrintStream err;

  PromotionCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /** Without a command: the usage, as with --help. */
  @Override
  public void run() {
    spec.commandLine().usage(out);
  }
}
