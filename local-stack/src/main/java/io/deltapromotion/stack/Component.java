package io.deltapromotion.stack;

/** The servers of the local stack, in start order. */
public enum Component {
  KAFKA("kafka", "local-kafka"),
  SCHEMA_REGISTRY("schema-registry", "local-schema-registry"),
  LAKEHOUSE("lakehouse", "local-lakehouse");

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

  public static Component fromId(String id) {
    for (Component component : values()) {
      if (component.id.equals(id)) {
        return component;
      }
    }
    throw new IllegalArgumentException(
        "unknown component '" + id + "': expected one of kafka, schema-registry, lakehouse");
  }
}
