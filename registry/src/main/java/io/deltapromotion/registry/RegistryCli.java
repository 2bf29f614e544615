package io.deltapromotion.registry;

import io.deltapromotion.schemas.topics.KafkaClientConfigFile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the registry: {@code RegistryCli [--table T] [--stage S] [--release R] [--at INSTANT]
 * [--output text|json|markdown] [bootstrap-servers [schema-registry-url]]}, defaulting to the local
 * stack's 127.0.0.1:9092 and http://127.0.0.1:8081/apis/ccompat/v7, after asking registry-service
 * ({@code --registry-service}, the local one by default) when one runs. It reads the topics as the principal
 * of the Kafka client configuration {@code $KAFKA_CLIENT_CONFIG} names (bin/registry defaults it to the local
 * stack's operator-tools). Exit status 0, 1 when neither could be read, 2 for a usage error.
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
      List<RegistryEntry> entries = entries(query);
      System.out.print(query.output().render(entries.stream().filter(query::matches).toList()));
    } catch (RuntimeException e) {
      System.err.println("registry: " + e.getMessage());
      System.exit(1);
    }
  }

  /** From registry-service when one answers; otherwise rebuilt from the topics. Says which on stderr. */
  private static List<RegistryEntry> entries(RegistryQuery query) {
    if (query.registryService() != null) {
      Optional<List<RegistryEntry>> answered = new RegistryServiceClient(query.registryService()).tables(query.at());
      if (answered.isPresent()) {
        System.err.println("registry: as registry-service at " + query.registryService() + " holds it");
        return answered.get();
      }
      System.err.println("registry: no registry-service answers at " + query.registryService()
          + " (or it is still reading the log); rebuilt from the topics");
    }
    Map<String, Object> consumer = new HashMap<>(KafkaClientConfigFile.fromEnvironment(System.getenv()));
    consumer.put("bootstrap.servers", query.bootstrapServers());
    consumer.put("schema.registry.url", query.schemaRegistryUrl());
    return new RegistryReader(consumer, Duration.ofMinutes(2)).read(query.at()).entries();
  }
}
