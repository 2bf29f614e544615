package io.deltapromotion.notifier.lineage;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks an OpenLineage event the way the specification defines it: the event against
 * {@code OpenLineage.json#/$defs/RunEvent}, and every facet in it against the schema its own
 * {@code _schemaURL} names (which the event schema leaves open), formats asserted. The schemas are the
 * copies in {@code openlineage-spec/}, served under their {@code $id}.
 */
final class OpenLineageSchemas {

  static final String RUN_EVENT = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final List<String> FILES = List.of("OpenLineage", "DataQualityMetricsInputDatasetFacet",
      "DataQualityAssertionsDatasetFacet", "DatasetVersionDatasetFacet", "ErrorMessageRunFacet", "JobTypeJobFacet",
      "TagsRunFacet");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry;

  OpenLineageSchemas() {
    Map<String, String> byId = new HashMap<>();
    for (String file : FILES) {
      String text = resource("/openlineage-spec/" + file + ".json");
      byId.put(JSON.readTree(text).get("$id").asString(), text);
    }
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemas(byId)
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** Every way the event breaks the specification, as "where: what"; empty when it keeps it. */
  List<String> violations(String event) {
    JsonNode node = JSON.readTree(event);
    List<String> found = new ArrayList<>(describe("event", schema(RUN_EVENT).validate(node)));
    facetsOf(node, "run", node.path("run").path("facets"), found);
    facetsOf(node, "job", node.path("job").path("facets"), found);
    for (String side : List.of("inputs", "outputs")) {
      for (int i = 0; i < node.path(side).size(); i++) {
        JsonNode dataset = node.path(side).get(i);
        facetsOf(node, side + "[" + i + "]", dataset.path("facets"), found);
        facetsOf(node, side + "[" + i + "]", dataset.path("inputFacets"), found);
        facetsOf(node, side + "[" + i + "]", dataset.path("outputFacets"), found);
      }
    }
    return found;
  }

  private void facetsOf(JsonNode event, String where, JsonNode facets, List<String> found) {
    for (Map.Entry<String, JsonNode> facet : facets.properties()) {
      String url = facet.getValue().path("_schemaURL").asString("");
      String place = where + "." + facet.getKey();
      try {
        found.addAll(describe(place, schema(url).validate(facet.getValue())));
      } catch (RuntimeException e) {
        found.add(place + ": no schema for _schemaURL '" + url + "' (" + e.getMessage() + ")");
      }
    }
  }

  private Schema schema(String url) {
    return registry.getSchema(SchemaLocation.of(url));
  }

  private static List<String> describe(String where, List<Error> errors) {
    return errors.stream().map(error -> where + " " + error.getInstanceLocation() + ": " + error.getMessage()).toList();
  }

  private static String resource(String path) {
    try (InputStream in = OpenLineageSchemas.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
