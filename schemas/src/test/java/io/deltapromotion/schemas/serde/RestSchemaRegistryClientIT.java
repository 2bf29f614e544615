package io.deltapromotion.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import io.deltapromotion.schemas.contract.SchemaEdits;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The registry client against the real registry process (Apicurio's Confluent-compatible API). */
@RequiresLocalStack(Component.SCHEMA_REGISTRY)
class RestSchemaRegistryClientIT {

  private final URI registryUrl = URI.create(LocalStackExtension.settings().schemaRegistryUrl());
  private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(registryUrl), Optional.empty());
  private final String subject = "it-" + UUID.randomUUID() + "-value";

  @Test
  void givenANewSchemaWhenRegisteredThenItsIdFetchesTheSameSchema() {
    int id = client.register(subject, TableChanged.getClassSchema());

    Schema fetched = freshClient().schemaById(id);

    assertThat(fetched).isEqualTo(TableChanged.getClassSchema());
  }

  @Test
  void givenASchemaAlreadyRegisteredWhenRegisteredAgainByAnotherClientThenTheIdIsTheSame() {
    int first = client.register(subject, TableChanged.getClassSchema());

    int second = freshClient().register(subject, TableChanged.getClassSchema());

    assertThat(second).isEqualTo(first);
    assertThat(freshClient().idOf(subject, TableChanged.getClassSchema())).isEqualTo(first);
  }

  @Test
  void givenFullCompatibilityWhenABreakingSchemaIsRegisteredThenTheRegistryRejectsItWith409() {
    client.setCompatibility(subject, CompatibilityLevel.FULL);
    client.register(subject, TableChanged.getClassSchema());
    Schema breaking = SchemaEdits.withField(TableChanged.getClassSchema(),
        "{\"name\":\"owner\",\"type\":\"string\",\"doc\":\"x\"}");

    assertThatThrownBy(() -> client.register(subject, breaking))
        .isInstanceOf(SchemaRegistryException.Incompatible.class)
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("incompatible")
        .hasMessageContaining(subject);
  }

  @Test
  void givenFullCompatibilityWhenAnOptionalFieldIsAddedThenTheRegistryAcceptsTheNewVersion() {
    client.setCompatibility(subject, CompatibilityLevel.FULL);
    int v1 = client.register(subject, TableChanged.getClassSchema());
    Schema v2 = SchemaEdits.withField(TableChanged.getClassSchema(),
        "{\"name\":\"owner\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"}");

    int id = client.register(subject, v2);

    assertThat(id).isNotEqualTo(v1);
    assertThat(freshClient().schemaById(id)).isEqualTo(v2);
  }

  @Test
  void givenAnIdNoSchemaHasWhenFetchedThenNotFoundNamesTheId() {
    assertThatThrownBy(() -> client.schemaById(987_654_321))
        .isInstanceOf(SchemaRegistryException.NotFound.class)
        .hasMessageContaining("schema id 987654321")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void givenASchemaNotRegisteredUnderTheSubjectWhenLookedUpThenNotFound() {
    assertThatThrownBy(() -> client.idOf(subject, TableChanged.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.NotFound.class)
        .hasMessageContaining(subject);
  }

  @Test
  void givenTheFirstUrlIsDownWhenRegisteringThenTheNextUrlAnswers() throws Exception {
    RestSchemaRegistryClient failover = new RestSchemaRegistryClient(List.of(deadUrl(), registryUrl), Optional.empty());

    int id = failover.register(subject, TableChanged.getClassSchema());

    assertThat(freshClient().schemaById(id)).isEqualTo(TableChanged.getClassSchema());
  }

  @Test
  void givenNoRegistryAnswersWhenRegisteringThenUnreachableNamesTheUrl() throws Exception {
    URI dead = deadUrl();
    RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(List.of(dead), Optional.empty());

    assertThatThrownBy(() -> unreachable.register(subject, TableChanged.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.Unreachable.class)
        .hasMessageContaining("no schema registry answered")
        .hasMessageContaining(dead.toString());
  }

  private RestSchemaRegistryClient freshClient() {
    return new RestSchemaRegistryClient(List.of(registryUrl), Optional.empty());
  }

  /** A loopback URL where nothing listens: a port that was free a moment ago. */
  private static URI deadUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/apis/ccompat/v7");
    }
  }
}
