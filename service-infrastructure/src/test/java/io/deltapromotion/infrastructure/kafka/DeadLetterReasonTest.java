package io.deltapromotion.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.InvalidIdentifierException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

  @Test
  void givenBadInputOfEachKind_whenItsKindIsAsked_thenItIsAWordAMetricCanBeTaggedWith_notTheSentence() {
    DeserializationException garbage = new DeserializationException("failed to deserialize", new byte[] {1}, false, null);
    RejectedEventException rejected = new RejectedEventException("the record holds no TableChanged");

    assertThat(DeadLetterReason.kind(new ListenerExecutionFailedException("listener failed", garbage))).isEqualTo("undecodable");
    assertThat(DeadLetterReason.kind(new ListenerExecutionFailedException("listener failed", rejected))).isEqualTo("rejected");
    assertThat(DeadLetterReason.kind(new InvalidIdentifierException("`x; DROP` contains the character ';'")))
        .isEqualTo("invalid");
  }
}
