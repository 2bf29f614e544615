package io.deltapromotion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  private final Path repository = Path.of("/repo");

  @Test
  void givenNothingConfiguredThenTheUsualPortsAndTheDefaultRunDirectoryAreUsed() {
    StackSettings settings = StackSettings.resolve(repository, Path.of("/repo/.stack"), key -> null, Map.of());

    assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
    assertThat(settings.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
    assertThat(settings.lakehouseJdbcUrl()).isEqualTo("jdbc:hive2://127.0.0.1:10000/default");
    assertThat(settings.componentDirectory(Component.KAFKA)).isEqualTo(Path.of("/repo/.stack/kafka"));
    assertThat(settings.kafkaCredentialsDirectory()).isEqualTo(Path.of("/repo/.stack/kafka/credentials"));
  }

  @Test
  void givenServicesOfAnotherRunDirectoryThenTheyStillUseTheCredentialsOfTheBrokersStack() {
    StackSettings settings = StackSettings.resolve(repository, Path.of("/repo/.stack"), key -> null, Map.of());

    StackSettings secondInstances = settings.withServices(Path.of("/repo/.stack/instance-1"), 8191);

    assertThat(secondInstances.kafkaCredentialsDirectory()).isEqualTo(Path.of("/repo/.stack/kafka/credentials"));
    assertThat(secondInstances.componentDirectory(Component.DETECTOR)).isEqualTo(Path.of("/repo/.stack/instance-1/detector-service"));
  }

  @Test
  void givenABrokerOfAnotherStackThenItsCredentialsDirectoryCanBeNamed() {
    StackSettings settings = StackSettings.resolve(repository, Path.of("/repo/module/target/local-stack"), key -> null,
        Map.of("STACK_KAFKA_CREDENTIALS_DIR", "/repo/.stack/kafka/credentials"));

    assertThat(settings.kafkaCredentialsDirectory()).isEqualTo(Path.of("/repo/.stack/kafka/credentials"));
  }

  @Test
  void givenNoCredentialsForAPrincipalThenTheErrorSaysWhereTheyWereLookedFor() {
    StackSettings settings = StackSettings.resolve(repository, Path.of("/nonexistent/.stack"), key -> null, Map.of());

    assertThatThrownBy(() -> settings.kafkaClient("qc-service"))
        .hasMessageContaining("/nonexistent/.stack/kafka/credentials/qc-service.properties")
        .hasMessageContaining("STACK_KAFKA_CREDENTIALS_DIR");
  }

  @Test
  void givenAnEnvironmentVariableAndASystemPropertyThenThePropertyWins() {
    StackSettings settings = StackSettings.resolve(repository, Path.of("/repo/.stack"),
        key -> key.equals("stack.kafka.port") ? "19092" : null,
        Map.of("STACK_KAFKA_PORT", "29092", "STACK_SCHEMA_REGISTRY_PORT", "18081", "STACK_RUN_DIR", "/tmp/run"));

    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.schemaRegistryPort()).isEqualTo(18081);
    assertThat(settings.runDirectory()).isEqualTo(Path.of("/tmp/run"));
  }

  @Test
  void givenAPortThatIsNotAPortThenTheErrorNamesTheSettingAndTheValue() {
    assertThatThrownBy(() -> StackSettings.resolve(repository, Path.of("/r"), key -> null,
        Map.of("STACK_LAKEHOUSE_PORT", "70000")))
        .hasMessageContaining("stack.lakehouse.port")
        .hasMessageContaining("'70000'");
  }

  @Test
  void givenAnUnknownComponentNameThenTheErrorListsTheKnownOnes() {
    assertThatThrownBy(() -> Component.fromId("zookeeper")).hasMessageContaining("kafka, schema-registry, lakehouse");
  }
}
