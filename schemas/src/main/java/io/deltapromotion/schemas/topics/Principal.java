package io.deltapromotion.schemas.topics;

/**
 * Who talks to the broker. Each authenticates as its own Kafka principal ({@code User:<id>}) and may
 * touch only what the topic declarations in {@link EventTopics} grant it.
 */
public enum Principal {
  DETECTOR("detector-service"),
  QC("qc-service"),
  PROMOTER("promoter-service"),
  NOTIFIER("notifier-service"),
  REGISTRY("registry-service"),
  /** The pipelines outside the system that announce the versions they committed. */
  UPSTREAM_PIPELINES("upstream-pipelines"),
  /** The operators' command-line tools: they read every topic and write none. */
  OPERATOR_TOOLS("operator-tools");

  private final String id;

  Principal(String id) {
    this.id = id;
  }

  /** The user name the principal authenticates as. */
  public String id() {
    return id;
  }

  /**
   * Services consume in consumer groups and publish in transactions, all named after the service
   * ({@code <id>} and {@code <id>-...}); the others do neither.
   */
  public boolean isService() {
    return id.endsWith("-service");
  }
}
