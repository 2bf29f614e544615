package io.deltapromotion.cli;

import io.deltapromotion.schemas.topics.KafkaClientConfigFile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code promotion dead-letters list [--service S] [--output text|json]} and
 * {@code promotion dead-letters redrive (--at LOCATION | --service S --all) [--dry-run]}: what the services
 * rejected, and sending it back once its cause is fixed. Works on the topics directly, at
 * {@code --bootstrap-servers} or {@value #BOOTSTRAP_VARIABLE} (default: the client configuration's, else
 * {@value #DEFAULT_BOOTSTRAP}), as the principal of the client configuration {@code $KAFKA_CLIENT_CONFIG}
 * names. The broker's ACLs apply: the operators' principal reads every dead letter but writes no topic, so
 * sending one back takes the credentials of a principal that may write its origin (the topic's writer, or
 * a super user).
 */
final class DeadLettersCommand {

  static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
  static final String USAGE = """
      usage: promotion dead-letters list [--service S] [--output text|json]
             promotion dead-letters redrive (--at LOCATION | --service S --all) [--dry-run]

        list      every dead letter (of one service): where it is, where it came from, why
        redrive   send a dead letter (or all of a service's) back to where it came from, once its cause is
                  fixed; each is sent back at most once
      options:
        --bootstrap-servers B   the Kafka broker (default $%s, else the client configuration's, else %s)
      environment:
        %s   the Kafka client configuration to connect with (whom as: SASL, TLS); bin/promotion
                            defaults it to the local stack's operator-tools principal, which reads every dead
                            letter and may send none back (that takes a principal allowed to write the
                            origin topic, e.g. the stack's credentials/admin.properties)
      """.formatted(BOOTSTRAP_VARIABLE, DEFAULT_BOOTSTRAP, KafkaClientConfigFile.VARIABLE);
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private DeadLettersCommand() {}

  static int run(List<String> arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (arguments.contains("-h") || arguments.contains("--help")) {
      out.print(USAGE);
      return OperatorCli.OK;
    }
    Options options;
    try {
      options = Options.parse(arguments, environment);
    } catch (IllegalArgumentException e) {
      err.println("promotion dead-letters: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return OperatorCli.USAGE;
    }
    try (DeadLetterTopics topics = new DeadLetterTopics(options.client())) {
      return options.redrive() ? redrive(topics, options, out, err) : list(topics, options, out);
    } catch (IllegalArgumentException e) {
      err.println("promotion dead-letters: " + e.getMessage());
      return OperatorCli.REFUSED;
    } catch (AuthorizationException e) {
      err.println("promotion dead-letters: the broker refused the principal of $" + KafkaClientConfigFile.VARIABLE + ": "
          + e.getMessage() + (options.redrive() ? " (sending a dead letter back writes to the topic it came from: "
          + "connect as a principal allowed to write it)" : ""));
      return OperatorCli.REFUSED;
    } catch (KafkaException e) {
      err.println("promotion dead-letters: the broker at " + options.bootstrapServers() + " could not be used: " + e.getMessage());
      return OperatorCli.UNAVAILABLE;
    }
  }

  private static int list(DeadLetterTopics topics, Options options, PrintStream out) {
    List<DeadLetter> letters = topics.list(options.service());
    if (options.json()) {
      out.println(JSON.writeValueAsString(letters));
      return OperatorCli.OK;
    }
    if (letters.isEmpty()) {
      out.println("no dead letters" + (options.service() == null ? "" : " of " + options.service()));
    }
    for (DeadLetter letter : letters) {
      out.println(letter.location() + "  " + letter.service() + "  " + letter.at() + (letter.redriven() ? "  (sent back)" : ""));
      out.println("  from:   " + letter.origin() + (letter.key() == null ? "" : "  key " + letter.key()));
      out.println("  reason: " + letter.reason());
    }
    return OperatorCli.OK;
  }

  private static int redrive(DeadLetterTopics topics, Options options, PrintStream out, PrintStream err) {
    List<String> locations = new ArrayList<>();
    if (options.at() != null) {
      locations.add(options.at());
    } else {
      topics.list(options.service()).stream().filter(DeadLetter::redrivable).map(DeadLetter::location).forEach(locations::add);
    }
    if (locations.isEmpty()) {
      out.println("nothing to send back" + (options.service() == null ? "" : " for " + options.service()));
      return OperatorCli.OK;
    }
    for (String location : locations) {
      if (options.dryRun()) {
        out.println("DRY RUN would send " + location + " back to where it came from");
      } else {
        out.println("SENT BACK " + location + " to " + topics.redrive(location));
      }
    }
    return OperatorCli.OK;
  }

  private record Options(boolean redrive, String service, String at, boolean all, boolean dryRun, boolean json,
      Map<String, Object> client) {

    String bootstrapServers() {
      return String.valueOf(client.get("bootstrap.servers"));
    }

    static Options parse(List<String> arguments, Map<String, String> environment) {
      if (arguments.isEmpty() || !List.of("list", "redrive").contains(arguments.get(0))) {
        throw new IllegalArgumentException("list or redrive?");
      }
      boolean redrive = arguments.get(0).equals("redrive");
      String service = null;
      String at = null;
      boolean all = false;
      boolean dryRun = false;
      boolean json = false;
      Map<String, Object> client = new HashMap<>(KafkaClientConfigFile.fromEnvironment(environment));
      String bootstrap = environment.getOrDefault(BOOTSTRAP_VARIABLE,
          String.valueOf(client.getOrDefault("bootstrap.servers", DEFAULT_BOOTSTRAP)));
      for (int index = 1; index < arguments.size(); index++) {
        String option = arguments.get(index);
        switch (option) {
          case "--all" -> all = true;
          case "--dry-run" -> dryRun = true;
          case "--service", "--at", "--output", "--bootstrap-servers" -> {
            if (index + 1 >= arguments.size()) {
              throw new IllegalArgumentException(option + " needs a value");
            }
            String value = arguments.get(++index);
            switch (option) {
              case "--service" -> service = value;
              case "--at" -> at = value;
              case "--output" -> json = switch (value) {
                case "json" -> true;
                case "text" -> false;
                default -> throw new IllegalArgumentException("--output must be text or json, got '" + value + "'");
              };
              default -> bootstrap = value;
            }
          }
          default -> throw new IllegalArgumentException("unexpected '" + option + "'");
        }
      }
      if (redrive && (at == null) == (service == null || !all)) {
        throw new IllegalArgumentException("redrive needs --at LOCATION, or --service S --all");
      }
      client.put("bootstrap.servers", bootstrap);
      return new Options(redrive, service, at, all, dryRun, json, Map.copyOf(client));
    }
  }
}
