package io.deltapromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** How a failed dead-letter command tells the broker's refusal (exit REFUSED) from an outage (exit UNAVAILABLE). */
class DeadLettersCommandTest {

  @Test
  void givenAProducerIdRefusedBeforeTheSend_whenTheSendFails_thenTheWrappedRefusalIsFound() {
    ClusterAuthorizationException refused = new ClusterAuthorizationException("no IDEMPOTENT_WRITE");
    KafkaException failedSend = new KafkaException(
        "Cannot perform send because at least one previous transactional or idempotent request has failed", refused);

    assertThat(DeadLettersCommand.OnTopics.refusal(failedSend)).isSameAs(refused);
  }

  @Test
  void givenARefusalThrownAsItIs_whenClassified_thenItIsTheRefusal() {
    TopicAuthorizationException refused = new TopicAuthorizationException("no WRITE on the origin");

    assertThat(DeadLettersCommand.OnTopics.refusal(refused)).isSameAs(refused);
  }

  @Test
  void givenABrokerThatDidNotAnswer_whenClassified_thenThereIsNoRefusal() {
    assertThat(DeadLettersCommand.OnTopics.refusal(new KafkaException("could not send", new TimeoutException("60 s"))))
        .isNull();
  }
}
