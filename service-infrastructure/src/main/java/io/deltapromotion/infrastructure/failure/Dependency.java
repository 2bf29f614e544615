package io.deltapromotion.infrastructure.failure;

/** What a service needs that can be down: the things an outage is an outage of. */
public enum Dependency {
  BROKER("the Kafka broker"),
  SCHEMA_REGISTRY("the schema registry"),
  WAREHOUSE("the warehouse"),
  NOTIFICATION_CHANNEL("a notification channel"),
  LINEAGE_ENDPOINT("the lineage endpoint"),
  /** Not known to be an outage: an error nothing classified, retried the same way until someone looks. */
  UNKNOWN("something unexpected");

  private final String description;

  Dependency(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
