package io.deltapromotion.cli;

import io.deltapromotion.schemas.topics.KafkaClientConfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code promotion dead-letters list|redrive}: what the services rejected, and sending it back once its
 * cause is fixed. Works on the topics directly, at {@code --bootstrap-servers} or {@value #BOOTSTRAP_VARIABLE}
 * (default: the client configuration's, else {@value #DEFAULT_BOOTSTRAP}), as the principal of the client
 * configuration {@code $KAFKA_CLIENT_CONFIG} names. The broker's ACLs apply: the operators' principal reads
 * every dead letter but writes no topic, so sending one back takes the credentials of a principal that may
 * write its origin (the topic's writer, or a super user).
 */
@Command(name = "dead-letters", description = "What the services rejected, and sending it back.",
    subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Redrive.class},
    synopsisSubcommandLabel = "list|redrive",
    footerHeading = "%n",
    footer = {"Environment:",
        "  KAFKA_CLIENT_CONFIG      the Kafka client configuration to connect with (whom as: SASL, TLS);",
        "                           bin/promotion defaults it to the local stack's operator-tools principal,",
        "                           which reads every dead letter and may send none back: that takes a",
        "                           principal allowed to write the origin topic (the stack's",
        "                           credentials/admin.properties, say)",
        "  KAFKA_BOOTSTRAP_SERVERS  the broker, unless --bootstrap-servers says"})
final class DeadLettersCommand implements Runnable {

  static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @ParentCommand
  PromotionCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "list or redrive?");
  }

  /** The broker connection and the exit status of a dead-letter command. */
  abstract static class OnTopics implements Callable<Integer> {

    @ParentCommand
    DeadLettersCommand deadLetters;

    @Option(names = "--bootstrap-servers", paramLabel = "B",
        description = "The Kafka broker (default $" + BOOTSTRAP_VARIABLE + ", else the client configuration's, else "
            + DEFAULT_BOOTSTRAP + ").")
    String bootstrapServers;

    @Option(names = "--service", paramLabel = "S", description = "One service's dead letters only.")
    String service;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    abstract int run(DeadLetterTopics topics);

    abstract boolean writes();

    @Override
    public Integer call() {
      PromotionCommand root = deadLetters.root;
      Map<String, Object> client = new HashMap<>(KafkaClientConfigFile.fromEnvironment(root.environment));
      String bootstrap = bootstrapServers != null ? bootstrapServers : root.environment.getOrDefault(BOOTSTRAP_VARIABLE,
          String.valueOf(client.getOrDefault("bootstrap.servers", DEFAULT_BOOTSTRAP)));
      client.put("bootstrap.servers", bootstrap);
      try (DeadLetterTopics topics = new DeadLetterTopics(Map.copyOf(client))) {
        return run(topics);
      } catch (IllegalArgumentException e) {
        root.err.println("promotion dead-letters: " + e.getMessage());
        return OperatorCli.REFUSED;
      } catch (KafkaException e) {
        AuthorizationException refused = refusal(e);
        if (refused != null) {
          root.err.println("promotion dead-letters: the broker refused the principal of $" + KafkaClientConfigFile.VARIABLE
              + ": " + refused.getMessage() + (writes() ? " (sending a dead letter back writes to the topic it came from: "
              + "connect as a principal allowed to write it)" : ""));
          return OperatorCli.REFUSED;
        }
        root.err.println("promotion dead-letters: the broker at " + bootstrap + " could not be used: " + e.getMessage());
        return OperatorCli.UNAVAILABLE;
      }
    }

    /**
     * The broker's refusal behind a client failure, however the client wrapped it: an idempotent producer
     * refused its producer id fails its sends with the {@code ClusterAuthorizationException} as a cause, or
     * directly, depending on whether the refusal arrived before the send.
     */
    static AuthorizationException refusal(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthorizationException refused) {
          return refused;
        }
      }
      return null;
    }
  }

  @Command(name = "list", description = "Every dead letter (of one service): where it is, where it came from, why.")
  static final class ListLetters extends OnTopics {

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
        description = "How to print them (default ${DEFAULT-VALUE}).")
    String output;

    @Override
    boolean writes() {
      return false;
    }

    @Override
    public Integer call() {
      if (!List.of("text", "json").contains(output)) {
        throw new ParameterException(deadLetters.spec.commandLine().getSubcommands().get("list"),
            "--output must be text or json, got '" + output + "'");
      }
      return super.call();
    }

    @Override
    int run(DeadLetterTopics topics) {
      List<DeadLetter> letters = topics.list(service);
      var out = deadLetters.root.out;
      if (output.equals("json")) {
        out.println(JSON.writeValueAsString(letters));
        return OperatorCli.OK;
      }
      if (letters.isEmpty()) {
        out.println("no dead letters" + (service == null ? "" : " of " + service));
      }
      for (DeadLetter letter : letters) {
        out.println(letter.location() + "  " + letter.service() + "  " + letter.at() + (letter.redriven() ? "  (sent back)" : ""));
        out.println("  from:   " + letter.origin() + (letter.key() == null ? "" : "  key " + letter.key()));
        out.println("  reason: " + letter.reason());
      }
      return OperatorCli.OK;
    }
  }

  @Command(name = "redrive", description = {"Send a dead letter (or all of a service's) back to where it came from, once "
      + "its cause is fixed; each is sent back at most once."})
  static final class Redrive extends OnTopics {

    @Option(names = "--at", paramLabel = "LOCATION", description = "The dead letter, as list prints its location.")
    String at;

    @Option(names = "--all", description = "With --service: every one of that service's.")
    boolean all;

    @Option(names = "--dry-run", description = "Say what would be sent back; send nothing.")
    boolean dryRun;

    @Override
    boolean writes() {
      return true;
    }

    @Override
    int run(DeadLetterTopics topics) {
      List<String> locations = new ArrayList<>();
      if (at != null) {
        locations.add(at);
      } else {
        topics.list(service).stream().filter(DeadLetter::redrivable).map(DeadLetter::location).forEach(locations::add);
      }
      var out = deadLetters.root.out;
      if (locations.isEmpty()) {
        out.println("nothing to send back" + (service == null ? "" : " for " + service));
        return OperatorCli.OK;
      }
      for (String location : locations) {
        out.println(dryRun ? "DRY RUN would send " + location + " back to where it came from"
            : "SENT BACK " + location + " to " + topics.redrive(location));
      }
      return OperatorCli.OK;
    }

    @Override
    public Integer call() {
      if ((at == null) == (service == null || !all)) {
        throw new ParameterException(deadLetters.spec.commandLine().getSubcommands().get("redrive"),
            "redrive needs --at LOCATION, or --service S --all");
      }
      return super.call();
    }
  }
}
