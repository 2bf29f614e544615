package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.JsonTopic;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Turns the topics declared in {@code EventTopics} into what Spring's KafkaAdmin creates at start-up. */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  /**
   * The topics a service writes and reads, created with their declared partitions and configuration if
   * missing: a service declares the topics it reads too, so its listeners find them even when it
   * starts before their writers.
   */
  public static KafkaAdmin.NewTopics of(TopicSpec<?>... specs) {
    return new KafkaAdmin.NewTopics(Arrays.stream(specs).map(TopicDeclarations::of).toArray(NewTopic[]::new));
  }

  /** One topic, created with its declared partitions and configuration if missing. */
  public static NewTopic of(TopicSpec<?> spec) {
    return TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.configs()).build();
  }

  /** A topic of JSON documents for outside consumers, created like the event topics if missing. */
  public static NewTopic of(JsonTopic topic) {
    return TopicBuilder.name(topic.name()).partitions(topic.partitions()).configs(topic.configs()).build();
  }

  /** A service's dead-letter topic, created like the event topics if missing. */
  public static NewTopic of(DeadLetterTopic topic) {
    return TopicBuilder.name(topic.name()).partitions(topic.partitions()).configs(topic.configs()).build();
  }
}
