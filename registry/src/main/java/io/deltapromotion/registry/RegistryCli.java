package io.deltapromotion.registry;

import java.time.Duration;
import java.util.Map;

/**
 * Prints the registry: {@code RegistryCli [bootstrap-servers] [schema-registry-url]}, defaulting to the
 * local stack's 127.0.0.1:9092 and http://127.0.0.1:8081/apis/ccompat/v7.
 */
public final class RegistryCli {

  private RegistryCli() {}

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    String registryUrl = args.length > 1 ? args[1] : "http://127.0.0.1:8081/apis/ccompat/v7";
    try {
      Registry registry = new RegistryReader(
          Map.of("bootstrap.servers", bootstrap, "schema.registry.url", registryUrl), Duration.ofMinutes(2)).read();
      System.out.print(RegistryTable.format(registry.entries()));
    } catch (RuntimeException e) {
      System.err.println("registry: " + e.getMessage());
      System.exit(1);
    }
  }
}
