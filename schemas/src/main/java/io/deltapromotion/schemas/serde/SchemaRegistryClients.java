package io.deltapromotion.schemas.serde;

import java.net.URI;

/** Picks the registry client for a configuration: in memory for {@code mock://}, REST otherwise. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(SerdeConfig config) {
    URI first = config.registryUrls().get(0);
    if ("mock".equals(first.getScheme())) {
      return InMemorySchemaRegistry.forScope(first.getHost());
    }
    return new RestSchemaRegistryClient(config.registryUrls(), config.credentials());
  }
}
