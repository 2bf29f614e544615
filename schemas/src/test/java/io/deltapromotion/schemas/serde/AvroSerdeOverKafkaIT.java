package io.deltapromotion.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Events through the real broker and the real registry, with producer and consumer configured by
 * properties alone, under the keys Confluent's serde uses.
 */
@RequiresLocalStack({Component.KAFKA, Component.SCHEMA_REGISTRY})
class AvroSerdeOverKafkaIT {

  private final StackSettings stack = LocalStackExtension.settings();
  private final String topic = "it.table-changed." + UUID.randomUUID();

  @Test
  void givenAProducerAndConsumerConfiguredByPropertiesWhenAnEventIsSentThenTheConsumerReadsTheSameEvent()
      throws Exception {
    createTopicLike(EventTopics.TABLE_CHANGED.configs());
    TableChanged sent = SampleEvents.tableChanged();

    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProperties())) {
      producer.send(new ProducerRecord<>(topic, sent.getSourceTable(), sent)).get();
    }

    List<ConsumerRecord<String, Object>> received = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProperties())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        return !received.isEmpty();
      });
    }
    assertThat(received).singleElement().satisfies(record -> {
      assertThat(record.key()).isEqualTo("dap_silver_pp.author_profile");
      assertThat(record.value()).isEqualTo(sent);
    });
    RestSchemaRegistryClient registry =
        new RestSchemaRegistryClient(List.of(URI.create(stack.schemaRegistryUrl())), Optional.empty());
    assertThat(registry.idOf(topic + "-value", TableChanged.getClassSchema())).isPositive();
  }

  private void createTopicLike(Map<String, String> configs) throws Exception {
    // A topic of this test's own: only the super user may create it.
    try (Admin admin = Admin.create(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get();
    }
  }

  private Properties producerProperties() {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER));
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroRecordSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put("schema.registry.url", stack.schemaRegistryUrl());
    properties.put("auto.register.schemas", "true");
    return properties;
  }

  private Properties consumerProperties() {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient(StackSettings.KAFKA_SUPER_USER));
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroRecordDeserializer.class.getName());
    properties.put("schema.registry.url", stack.schemaRegistryUrl());
    properties.put("specific.avro.reader", "true");
    return properties;
  }
}
