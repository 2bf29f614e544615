package io.deltapromotion.notifier.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.notifier.domain.LineageUnavailableException;
import io.deltapromotion.notifier.domain.PromotionRun;
import io.deltapromotion.notifier.domain.QcReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenLineageHttpPublisherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenLineageSchemas SPEC = new OpenLineageSchemas();
  private static final QcReport REPORT = new QcReport("dap_silver_pp.authors", 7, "WARN", 1200L, List.of(
      new QcReport.Check("row_count", "PASS", "1200", "1", "1200 rows"),
      new QcReport.Check("null_keys.author_id", "PASS", "0", "0", "no row has a null author_id"),
      new QcReport.Check("duplicate_keys", "PASS", "0", "0", "every author_id is unique"),
      new QcReport.Check("row_count_drift", "WARN", "0.12", "10%", "12% more rows than the version in prod")),
      Instant.parse("2026-11-29T10:00:00Z"));

  private final LineageInbox inbox = new LineageInbox();

  @AfterEach
  void closeInbox() {
    inbox.close();
  }

  @Test
  void givenAPromotedVersionWithItsQcReport_whenPublished_thenTheEndpointGetsOneCompleteRunEventValidAgainstTheSpecification()
      throws Exception {
    try (OpenLineageHttpPublisher publisher = publisher(null)) {
      publisher.publish(run(true, Optional.of(REPORT)));
    }

    assertThat(inbox.posts()).hasSize(1);
    String event = inbox.posts().get(0).body();
    assertThat(SPEC.violations(event)).isEmpty();
    JsonNode json = JSON.readTree(event);
    assertThat(json.path("eventType").asString()).isEqualTo("COMPLETE");
    assertThat(json.path("job").path("name").asString()).isEqualTo("promote.prod.dap_silver_pr.authors");
    JsonNode input = json.path("inputs").get(0);
    assertThat(input.path("namespace").asString()).isEqualTo("databricks://adb-1.azuredatabricks.net");
    assertThat(input.path("name").asString()).isEqualTo("dap_silver_pp.authors");
    assertThat(input.path("facets").path("version").path("datasetVersion").asString()).isEqualTo("7");
    JsonNode metrics = input.path("inputFacets").path("dataQualityMetrics");
    assertThat(metrics.path("rowCount").asLong()).isEqualTo(1200);
    assertThat(metrics.path("columnMetrics").path("author_id").path("nullCount").asLong()).isZero();
    JsonNode assertions = input.path("inputFacets").path("dataQualityAssertions").path("assertions");
    assertThat(assertions).hasSize(4);
    assertThat(assertions.get(3).path("assertion").asString()).isEqualTo("row_count_drift");
    assertThat(assertions.get(3).path("success").asBoolean()).isFalse();
    assertThat(assertions.get(3).path("severity").asString()).isEqualTo("warn");
    assertThat(assertions.get(3).path("actual").asString()).isEqualTo("0.12");
    JsonNode output = json.path("outputs").get(0);
    assertThat(output.path("name").asString()).isEqualTo("dap_silver_pr.authors");
    assertThat(output.path("facets").path("version").path("datasetVersion").asString()).isEqualTo("3");
  }

  @Test
  void givenTheSameOutcome_whenItsRunIsMadeTwice_thenBothNameTheSameRun_andAnotherOutcomeAnotherRun() {
    OpenLineageEvents events = events();

    assertThat(events.runEvent(run(true, Optional.empty())).getRun().getRunId())
        .isEqualTo(events.runEvent(run(true, Optional.empty())).getRun().getRunId())
        .isNotEqualTo(events.runEvent(new PromotionRun("other-outcome", "p-1", true, "dap_silver_pp.authors", 7,
            "dap_silver_pr.authors", "prod", 3L, null, null, Instant.EPOCH, Optional.empty())).getRun().getRunId());
  }

  @Test
  void givenAWriteTheWarehouseRefused_whenPublished_thenTheEventIsAFailWithTheWarehousesText_validAgainstTheSpecification()
      throws Exception {
    try (OpenLineageHttpPublisher publisher = publisher(null)) {
      publisher.publish(new PromotionRun("outcome-2", "p-1", false, "dap_silver_pp.authors", 7, "dap_silver_pr.authors",
          "prod", null, "2026Q4_R1", "[DELTA_CLONE_UNSUPPORTED] refused", Instant.parse("2026-11-29T10:05:00Z"),
          Optional.empty()));
    }

    String event = inbox.posts().get(0).body();
    assertThat(SPEC.violations(event)).isEmpty();
    JsonNode json = JSON.readTree(event);
    assertThat(json.path("eventType").asString()).isEqualTo("FAIL");
    assertThat(json.path("run").path("facets").path("errorMessage").path("message").asString())
        .isEqualTo("[DELTA_CLONE_UNSUPPORTED] refused");
    assertThat(json.path("run").path("facets").path("tags").path("tags").toString()).contains("2026Q4_R1");
    assertThat(json.path("outputs").get(0).path("facets").has("version")).isFalse();
  }

  @Test
  void givenAnEventThatBreaksAFacetsSchema_whenChecked_thenTheCheckSaysWhere() throws Exception {
    try (OpenLineageHttpPublisher publisher = publisher(null)) {
      publisher.publish(run(true, Optional.of(REPORT)));
    }
    ObjectNode broken = (ObjectNode) JSON.readTree(inbox.posts().get(0).body());
    ((ObjectNode) broken.path("inputs").get(0).path("inputFacets").path("dataQualityMetrics")).put("rowCount", "many");
    ((ObjectNode) broken.path("run")).put("runId", "not-a-uuid");

    assertThat(SPEC.violations(broken.toString()))
        .anySatisfy(violation -> assertThat(violation).startsWith("inputs[0].dataQualityMetrics").contains("rowCount"))
        .anySatisfy(violation -> assertThat(violation).startsWith("event").contains("runId"));
  }

  @Test
  void givenAnApiKey_whenPublished_thenItIsSentAsABearerToken() throws Exception {
    try (OpenLineageHttpPublisher publisher = publisher("s3cret")) {
      publisher.publish(run(true, Optional.empty()));
    }

    assertThat(inbox.posts().get(0).authorization()).isEqualTo("Bearer s3cret");
  }

  @Test
  void givenAnEndpointThatFails_whenPublished_thenItIsAnOutageOfTheLineageEndpoint_namingNoSecret() throws Exception {
    inbox.answer(503);
    try (OpenLineageHttpPublisher publisher = publisher("s3cret")) {
      assertThatThrownBy(() -> publisher.publish(run(true, Optional.empty())))
          .isInstanceOf(LineageUnavailableException.class)
          .hasMessageContaining("dap_silver_pp.authors version 7")
          .hasMessageNotContaining("s3cret");
      assertThat(publisher.id()).startsWith("openlineage:127.0.0.1:").doesNotContain("/api");
    }
    assertThat(inbox.posts()).isEmpty();
  }

  private OpenLineageHttpPublisher publisher(String apiKey) {
    return new OpenLineageHttpPublisher(inbox.url(), "/api/v1/lineage", apiKey, Duration.ofSeconds(5), events());
  }

  private static OpenLineageEvents events() {
    return new OpenLineageEvents(URI.create("urn:delta-promotion:notifier-service"), "delta-promotion",
        "databricks://adb-1.azuredatabricks.net");
  }

  private static PromotionRun run(boolean succeeded, Optional<QcReport> qc) {
    return new PromotionRun("outcome-1", "p-1", succeeded, "dap_silver_pp.authors", 7, "dap_silver_pr.authors", "prod",
        3L, null, null, Instant.parse("2026-11-29T10:05:00Z"), qc);
  }
}
