package io.deltapromotion.registry;

import java.time.Duration;
import java.util.Map;

/**
 * Prints the registry: {@code RegistryCli [--table T] [--stage S] [--release R] [--at INSTANT]
 * [--output text|json|markdown] [bootstrap-servers [schema-registry-url]]}, defaulting to the local
 * stack's 127.0.0.1:9092 and http://127.0.0.1:8081/apis/ccompat/v7. Exit status 0, 1 when the topics
 * could not be read, 2 for a usage error.
 */
public final class RegistryCli {

  private RegistryCli() {}

  public static void main(String[] args) {
    RegistryQuery query;
    try {
      query = RegistryQuery.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("registry: " + e.getMessage());
      System.err.print(RegistryQuery.USAGE);
      System.exit(2);
      return;
    }
    try {
      Registry registry = new RegistryReader(Map.of("bootstrap.servers", query.bootstrapServers(),
          "schema.registry.url", query.schemaRegistryUrl()), Duration.ofMinutes(2)).read(query.at());
      System.out.print(query.output().render(registry.entries().stream().filter(query::matches).toList()));
    } catch (RuntimeException e) {
      System.err.println("registry: " + e.getMessage());
      System.exit(1);
    }
  }
}
