package io.deltapromotion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaRuntimeTest {

  @Test
  void givenNothingConfiguredThenTheBrokerIsAProcess() {
    KafkaRuntime runtime = KafkaRuntime.resolve(key -> null, Map.of());

    assertThat(runtime.inDocker()).isFalse();
    assertThat(runtime.image()).isEqualTo("apache/kafka:4.3.1");
    assertThat(runtime.imageTarball()).isEmpty();
  }

  @Test
  void givenTheDockerProfilesPropertiesThenTheBrokerRunsInTheirImageLoadedFromItsTarball() {
    Map<String, String> properties = Map.of(
        "stack.kafka.runtime", "docker",
        "stack.kafka.image", "delta-promotion/kafka:4.3.1",
        "stack.kafka.image-tarball", "/repo/local-kafka/target/jib-image.tar");

    KafkaRuntime runtime = KafkaRuntime.resolve(properties::get, Map.of());

    assertThat(runtime).isEqualTo(new KafkaRuntime(true, "delta-promotion/kafka:4.3.1",
        Optional.of(Path.of("/repo/local-kafka/target/jib-image.tar"))));
  }

  @Test
  void givenTheEnvironmentThenItChoosesTheRuntimeToo() {
    KafkaRuntime runtime = KafkaRuntime.resolve(key -> null, Map.of("STACK_KAFKA_RUNTIME", "docker"));

    assertThat(runtime.inDocker()).isTrue();
  }

  @Test
  void givenAnUnknownRuntimeThenItIsRefusedNamingTheChoices() {
    assertThatThrownBy(() -> KafkaRuntime.resolve(Map.of("stack.kafka.runtime", "podman")::get, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'process' or 'docker'");
  }
}
