package io.deltapromotion.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SerdeConfigTest {

  @Test
  void givenCredentialsInTheRegistryUrlWhenParsedThenTheyAreUsedButNoUrlKeepsThem() {
    SerdeConfig config = SerdeConfig.parse(Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, "http://alice:s3cret@127.0.0.1:8081/apis/ccompat/v7,http://bob:hunter2@127.0.0.2:8081",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false);

    assertThat(config.credentials()).contains("alice:s3cret");
    assertThat(config.registryUrls()).extracting(Object::toString)
        .containsExactly("http://127.0.0.1:8081/apis/ccompat/v7", "http://127.0.0.2:8081");
  }

  @Test
  void givenAnUnreachableRegistryWithCredentialsInItsUrlWhenCalledThenTheErrorNamesTheUrlWithoutThem() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SerdeConfig config = SerdeConfig.parse(Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, "http://alice:s3cret@127.0.0.1:" + closedPort,
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false);
    SchemaRegistryClient client = new RestSchemaRegistryClient(config.registryUrls(), config.credentials());

    assertThatThrownBy(() -> client.register("t-value", Schema.create(Schema.Type.STRING)))
        .isInstanceOf(SchemaRegistryException.Unreachable.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("alice");
  }

  @Test
  void givenAMalformedUrlWithCredentialsWhenParsedThenTheErrorHidesThem() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, "ftp://alice:s3cret@127.0.0.1:8081"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected http(s)")
        .hasMessageNotContaining("s3cret");
  }
}
