package io.deltapromotion.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import io.deltapromotion.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client settings a managed cluster asks for (SASL_SSL with SCRAM-SHA-512, as MSK, or PLAIN, as
 * Confluent Cloud's API keys; a trust store for the broker's certificate), against the local broker's TLS
 * listener: the same principals and the same ACLs as on its plain listener.
 */
@RequiresLocalStack(Component.KAFKA)
class KafkaTlsIT {

  private final StackSettings stack = LocalStackExtension.settings();

  @BeforeAll
  static void declareTheQualityReports() throws Exception {
    try (Admin admin = Admin.create(LocalStackExtension.settings().kafkaClient(KafkaAccessProvisioner.SUPER_USER))) {
      admin.createTopics(List.of(new NewTopic(EventTopics.QC_COMPLETED.name(), 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  @Test
  void givenScramOverTlsWithTheBrokersCertificateTrustedWhenQcServicePublishesThenTheBrokerTakesIt() throws Exception {
    assertThat(write(tls("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule", Principal.QC),
        EventTopics.QC_COMPLETED.name()).offset()).isNotNegative();
  }

  @Test
  void givenPlainOverTlsWhenQcServicePublishesThenTheBrokerTakesIt() throws Exception {
    assertThat(write(tls("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule", Principal.QC),
        EventTopics.QC_COMPLETED.name()).offset()).isNotNegative();
  }

  @Test
  void givenPlainOverTlsWhenThePipelinesForgeAQualityReportThenTheSameAclsRefuseIt() {
    Map<String, Object> pipelines = tls("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
        Principal.UPSTREAM_PIPELINES);
    assertThatThrownBy(() -> write(pipelines, EventTopics.QC_COMPLETED.name()))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void givenNoTrustStoreWhenAClientConnectsOverTlsThenTheBrokersSelfSignedCertificateIsRefused() {
    Map<String, Object> untrusting = tls("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule",
        Principal.QC);
    untrusting.remove("ssl.truststore.type");
    untrusting.remove("ssl.truststore.location");
    try (Admin admin = Admin.create(untrusting)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
          .hasCauseInstanceOf(SslAuthenticationException.class);
    }
  }

  /** A managed cluster's client settings, with the principal's password from the stack's credentials. */
  private Map<String, Object> tls(String mechanism, String loginModule, Principal principal) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", stack.kafkaTlsBootstrapServers());
    config.put("security.protocol", "SASL_SSL");
    config.put("sasl.mechanism", mechanism);
    config.put("sasl.jaas.config", loginModule + " required username=\"" + principal.id() + "\" password=\""
        + stack.kafkaPassword(principal.id()) + "\";");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.location", stack.kafkaTrustedCertificate().toString());
    config.put("max.block.ms", 30_000);
    config.put("default.api.timeout.ms", 30_000);
    return config;
  }

  private static RecordMetadata write(Map<String, Object> client, String topic) throws Exception {
    Map<String, Object> config = new HashMap<>(client);
    config.put("enable.idempotence", false);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(topic, "t".getBytes(StandardCharsets.UTF_8),
          "a report".getBytes(StandardCharsets.UTF_8))).get();
    }
  }
}
