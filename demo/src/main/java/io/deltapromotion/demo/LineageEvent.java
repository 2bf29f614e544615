package io.deltapromotion.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of an OpenLineage RunEvent of a promotion that people and tests look at.
 *
 * @param eventType COMPLETE or FAIL
 * @param input the pre-prod table promoted
 * @param inputVersion the version promoted
 * @param output the stage table written
 * @param qcRowCount the rows QC counted in that version; -1 when the event carries no QC metrics
 */
public record LineageEvent(String eventType, String runId, String input, String inputVersion, String output,
    long qcRowCount, JsonNode json) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static LineageEvent parse(String event) {
    JsonNode json = JSON.readTree(event);
    JsonNode input = json.path("inputs").path(0);
    return new LineageEvent(json.path("eventType").asString(), json.path("run").path("runId").asString(),
        input.path("name").asString(), input.path("facets").path("version").path("datasetVersion").asString(),
        json.path("outputs").path(0).path("name").asString(),
        input.path("inputFacets").path("dataQualityMetrics").path("rowCount").asLong(-1), json);
  }

  @Override
  public String toString() {
    return eventType + " " + input + " version " + inputVersion + " -> " + output
        + (qcRowCount < 0 ? "" : " (QC counted " + qcRowCount + " rows)") + ", run " + runId;
  }
}
