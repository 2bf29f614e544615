package io.deltapromotion.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The Java side of {@code bin/stack}: up, down and status. */
public final class LocalStackCli {

  static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private LocalStackCli() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: bin/stack up|down|status [kafka|schema-registry|lakehouse|services|<service> ...]");
      System.exit(2);
    }
    Path repository = StackSettings.findRepository(Path.of(""));
    LocalStack stack = new LocalStack(StackSettings.resolve(repository, repository.resolve(".stack")), System.out);
    try {
      System.exit(run(stack, args[0], components(args[0], Arrays.asList(args).subList(1, args.length))));
    } catch (StackException | IllegalArgumentException e) {
      System.err.println("bin/stack " + args[0] + ": " + e.getMessage());
      System.exit(1);
    }
  }

  static int run(LocalStack stack, String command, Set<Component> components) {
    switch (command) {
      case "up" -> {
        stack.up(components, null, START_TIMEOUT);
        System.out.println();
        printEndpoints(stack.settings(), components);
        return 0;
      }
      case "down" -> {
        stack.down(components);
        return 0;
      }
      case "status" -> {
        return printStatus(stack, components);
      }
      default -> throw new IllegalArgumentException("unknown command '" + command + "': expected up, down or status");
    }
  }

  private static int printStatus(LocalStack stack, Set<Component> components) {
    List<ComponentStatus> statuses = new ArrayList<>(stack.status());
    statuses.removeIf(status -> !components.contains(status.component()));
    System.out.printf("%-16s %-14s %-8s %s%n", "COMPONENT", "STATE", "PID", "ENDPOINT");
    boolean allUsable = true;
    for (ComponentStatus status : statuses) {
      System.out.printf("%-16s %-14s %-8s %s%n", status.component().id(), status.state().name().toLowerCase(),
          status.pid().isPresent() ? String.valueOf(status.pid().getAsLong()) : "-", status.endpoint());
      boolean stoppedService = status.component().isService() && status.state() == ComponentStatus.State.STOPPED;
      allUsable &= status.usable() || stoppedService;
    }
    System.out.println();
    System.out.println("run directory: " + stack.settings().runDirectory());
    return allUsable ? 0 : 3;
  }

  private static void printEndpoints(StackSettings settings, Set<Component> started) {
    System.out.println("Endpoints:");
    System.out.println("  Kafka bootstrap servers  " + settings.kafkaBootstrapServers() + " (SASL/SCRAM-SHA-512)");
    System.out.println("  Kafka client settings    " + settings.kafkaCredentialsDirectory()
        + "/<principal>.properties (Kafka's --command-config)");
    System.out.println("  Kafka over TLS           " + settings.kafkaTlsBootstrapServers() + " (SASL_SSL, SCRAM-SHA-512 or PLAIN; "
        + "trust " + settings.kafkaTrustedCertificate() + ")");
    System.out.println("  Schema registry          " + settings.schemaRegistryUrl());
    System.out.println("  Lakehouse JDBC           " + settings.lakehouseJdbcUrl());
    for (Component service : started) {
      if (!service.isService()) {
        continue;
      }
      System.out.printf("  %-24s %s%n", service.id(), settings.endpoint(service));
    }
    System.out.println("Data and logs under " + settings.runDirectory() + "; stop with bin/stack down.");
  }

  /** Without names: {@code up} starts the servers; {@code down} and {@code status} cover everything. */
  private static Set<Component> components(String command, List<String> ids) {
    if (ids.isEmpty()) {
      return "up".equals(command) ? Component.servers() : EnumSet.allOf(Component.class);
    }
    if (ids.equals(List.of("services"))) {
      return Component.services();
    }
    Set<Component> components = EnumSet.noneOf(Component.class);
    ids.forEach(id -> components.add(Component.fromId(id)));
    return components;
  }
}
