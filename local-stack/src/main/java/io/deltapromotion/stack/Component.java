package io.deltapromotion.stack;

import java.util.EnumSet;
import java.util.Set;

/** The processes of the local stack, in start order: the servers, then the services that use them. */
public enum Component {
  KAFKA("kafka", "local-kafka"),
  SCHEMA_REGISTRY("schema-registry", "local-schema-registry"),
  LAKEHOUSE("lakehouse", "local-lakehouse"),
  DETECTOR("detector-service", "detector-service"),
  QC("qc-service", "qc-service"),
  PROMOTER("promoter-service", "promoter-service"),
  NOTIFIER("notifier-service", "notifier-service"),
  REGISTRY("registry-service", "registry-service");

  private static final Set<Component> SERVERS = EnumSet.of(KAFKA, SCHEMA_REGISTRY, LAKEHOUSE);
  private static final Set<Component> PIPELINE = EnumSet.of(DETECTOR, QC, PROMOTER, NOTIFIER);

  private final String id;
  private final String module;

  Component(String id, String module) {
    this.id = id;
    this.module = module;
  }

  /** Name used on the command line, in the run directory and in messages. */
  public String id() {
    return id;
  }

  /** The Maven module that builds this server's runtime. */
  public String module() {
    return module;
  }

  /** Kafka, the schema registry and the lakehouse: what {@code bin/stack up} starts by default. */
  public static Set<Component> servers() {
    return EnumSet.copyOf(SERVERS);
  }

  /** The five Spring Boot services: the pipeline's four and registry-service, which only reads. */
  public static Set<Component> services() {
    return EnumSet.complementOf(EnumSet.copyOf(SERVERS));
  }

  /** The four services a promotion passes through (detector, QC, promoter, notifier); not the registry. */
  public static Set<Component> pipelineServices() {
    return EnumSet.copyOf(PIPELINE);
  }

  public boolean isService() {
    return !SERVERS.contains(this);
  }

  public static Component fromId(String id) {
    for (Component component : values()) {
      if (component.id.equals(id)) {
        return component;
      }
    }
    throw new IllegalArgumentException(
        "unknown component '" + id + "': expected one of kafka, schema-registry, lakehouse, detector-service, "
            + "qc-service, promoter-service, notifier-service, registry-service");
  }
}
