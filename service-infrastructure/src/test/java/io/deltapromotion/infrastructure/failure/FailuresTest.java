package io.deltapromotion.infrastructure.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.schemas.serde.SchemaRegistryException;
import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class FailuresTest {

  @Test
  void givenARecordThatCouldNotBeDecodedBecauseTheRegistryIsDownThenItIsAnOutageOfTheRegistryNotBadInput() {
    SchemaRegistryException down = new SchemaRegistryException.Unreachable(
        "could not fetch schema id 3: no schema registry answered", new ConnectException("Connection refused"));
    DeserializationException decoding = new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 3},
        false, new SerializationException("record names schema id 3, which could not be fetched", down));

    Failure failure = Failures.classify(new ListenerExecutionFailedException("listener failed", decoding));

    assertThat(failure.kind()).isEqualTo(Failure.Kind.OUTAGE);
    assertThat(failure.dependency()).isEqualTo(Dependency.SCHEMA_REGISTRY);
  }

  @Test
  void givenBytesThatAreNotOurAvroThenItIsBadInput() {
    DeserializationException decoding = new DeserializationException("failed to deserialize", "{}".getBytes(), false,
        new SerializationException("the value is not in the Confluent wire format (it looks like JSON)"));

    assertThat(Failures.classify(new ListenerExecutionFailedException("listener failed", decoding)).isBadInput()).isTrue();
  }

  @Test
  void givenTheWarehouseOrTheBrokerDownThenItIsAnOutageOfIt() {
    assertThat(Failures.classify(new WarehouseUnavailableException("cannot connect to the warehouse", null)).dependency())
        .isEqualTo(Dependency.WAREHOUSE);
    assertThat(Failures.classify(new IllegalStateException("publish failed", new TimeoutException("expired"))).dependency())
        .isEqualTo(Dependency.BROKER);
  }

  @Test
  void givenARejectedEventOrAMalformedNameThenItIsBadInputWithItsReason() {
    Failure rejected = Failures.classify(new ListenerExecutionFailedException("listener failed",
        new RejectedEventException("table a.b does not exist")));

    assertThat(rejected.isBadInput()).isTrue();
    assertThat(rejected.reason()).isEqualTo("table a.b does not exist");
    assertThat(Failures.classify(new IllegalArgumentException("name 'x;y' contains ';'")).isBadInput()).isTrue();
  }

  @Test
  void givenAnErrorNobodyForesawThenItIsKeptAndRetriedLikeAnOutage() {
    Failure unexpected = Failures.classify(new NullPointerException("boom"));

    assertThat(unexpected.kind()).isEqualTo(Failure.Kind.OUTAGE);
    assertThat(unexpected.dependency()).isEqualTo(Dependency.UNKNOWN);
  }
}
