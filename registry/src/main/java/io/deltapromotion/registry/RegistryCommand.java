package io.deltapromotion.registry;

import io.deltapromotion.schemas.topics.KafkaClientConfigFile;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/registry}: prints which version of every table is in every stage, as registry-service holds it
 * when one answers, otherwise rebuilt from the topics, read as the principal of the Kafka client configuration
 * {@code $KAFKA_CLIENT_CONFIG} names (bin/registry defaults it to the local stack's operator-tools).
 */
@Command(name = "registry", usageHelpWidth = 100,
    description = "Which version of every table is in every stage: as registry-service holds it when one answers, "
        + "else rebuilt from the topics.",
    footerHeading = "%n",
    footer = {"Environment:",
        "  KAFKA_CLIENT_CONFIG  the Kafka client configuration to read the topics with (bin/registry defaults",
        "                       it to the local stack's operator-tools principal)",
        "",
        "Exit status: 0 printed, 1 neither registry-service nor the topics could be read, 2 usage error.",
        "Shell completion: source <(bin/registry --completion)"})
final class RegistryCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int UNAVAILABLE = 1;
  static final int USAGE = 2;

  @Spec
  CommandSpec spec;

  @Option(names = "--table", paramLabel = "TABLE", description = "Only this pre-prod table ([catalog.]schema.table).")
  String table;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only the tables that reached this stage (e.g. prod).")
  String stage;

  @Option(names = "--release", paramLabel = "TAG", description = "Only the tables of this release.")
  String release;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "As the log stood then: 2026-11-24T09:00:00Z, or with an offset (+01:00).")
  String at;

  @Option(names = "--output", paramLabel = "text|json|markdown",
      description = "Text (default), json for scripts, markdown for tickets and chat.")
  String output;

  @Option(names = "--registry-service", paramLabel = "URL|none",
      description = {"The registry-service to ask (default " + "http://127.0.0.1:8095" + "; none when a cluster is "
          + "given). When none answers there, or it is none, the registry is rebuilt from the topics."})
  String registryService;

  @Parameters(index = "0", arity = "0..1", paramLabel = "bootstrap-servers",
      description = "The Kafka cluster (default " + RegistryQuery.DEFAULT_BOOTSTRAP + ").")
  String bootstrapServers;

  @Parameters(index = "1", arity = "0..1", paramLabel = "schema-registry-url",
      description = "Its schema registry (default " + RegistryQuery.DEFAULT_SCHEMA_REGISTRY + ").")
  String schemaRegistryUrl;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--completion", description = "Print a bash/zsh completion script for this command and exit.")
  boolean completion;

  private final Map<String, String> environment;
  private final PrintStream out;
  private final PrintStream err;

  RegistryCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /** The command line, parsed and validated; a bad one is an IllegalArgumentException saying what is wrong. */
  static RegistryQuery parse(String... args) {
    RegistryCommand command = new RegistryCommand(Map.of(), System.out, System.err);
    try {
      new CommandLine(command).parseArgs(args);
      return command.query();
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new RegistryCommand(environment, out, err));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      err.println("registry: " + exception.getMessage());
      err.println();
      exception.getCommandLine().usage(err);
      return USAGE;
    });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() {
    if (completion) {
      out.print(picocli.AutoComplete.bash("registry", spec.commandLine()));
      return OK;
    }
    RegistryQuery query = query();
    try {
      List<RegistryEntry> entries = entries(query);
      out.print(query.output().render(entries.stream().filter(query::matches).toList()));
      return OK;
    } catch (RuntimeException e) {
      err.println("registry: " + e.getMessage());
      return UNAVAILABLE;
    }
  }

  private RegistryQuery query() {
    try {
      return RegistryQuery.of(table, stage, release, at, output, registryService, bootstrapServers, schemaRegistryUrl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** From registry-service when one answers; otherwise rebuilt from the topics. Says which on stderr. */
  private List<RegistryEntry> entries(RegistryQuery query) {
    if (query.registryService() != null) {
      Optional<List<RegistryEntry>> answered = new RegistryServiceClient(query.registryService()).tables(query.at());
      if (answered.isPresent()) {
        err.println("registry: as registry-service at " + query.registryService() + " holds it");
        return answered.get();
      }
      err.println("registry: no registry-service answers at " + query.registryService()
          + " (or it is still reading the log); rebuilt from the topics");
    }
    Map<String, Object> consumer = new HashMap<>(KafkaClientConfigFile.fromEnvironment(environment));
    consumer.put("bootstrap.servers", query.bootstrapServers());
    consumer.put("schema.registry.url", query.schemaRegistryUrl());
    return new RegistryReader(consumer, Duration.ofMinutes(2)).read(query.at()).entries();
  }
}
