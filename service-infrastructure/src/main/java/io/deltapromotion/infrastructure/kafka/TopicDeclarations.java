package io.deltapromotion.infrastructure.kafka;

import io.deltapromotion.schemas.topics.DeadLetterTopic;
import io.deltapromotion.schemas.topics.TopicSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/** Turns the topics declared in {@code EventTopics} into what Spring's KafkaAdmin creates at start-up. */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  /** The topic a service writes, created with its declared partitions and configuration if missing. */
  public static NewTopic of(TopicSpec<?> spec) {
    return TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.configs()).build();
  }

  /** A service's dead-letter topic, created like the event topics if missing. */
  public static NewTopic of(DeadLetterTopic topic) {
    return TopicBuilder.name(topic.name()).partitions(topic.partitions()).configs(topic.configs()).build();
  }
}
