package io.deltapromotion.schemas.topics;

/** What the record key of a topic holds. Keys are plain UTF-8 strings (StringSerializer). */
public enum TopicKey {
  /**
   * The fully qualified source table name, lower case (e.g. {@code dap_silver_pp.author_profile}): all
   * events of one table share a partition and stay in order.
   */
  SOURCE_TABLE,
  /** The alert key: what an alert is about (e.g. {@code promotion:<event id>}), shared by all its deliveries. */
  ALERT
}
