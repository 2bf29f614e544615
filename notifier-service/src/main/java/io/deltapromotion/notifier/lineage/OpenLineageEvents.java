package io.deltapromotion.notifier.lineage;

import io.deltapromotion.notifier.domain.PromotionRun;
import io.deltapromotion.notifier.domain.QcReport;
import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A promotion run as an OpenLineage {@code RunEvent}: the job is "promote into this stage table", the input
 * the pre-prod table at the promoted version (with QC's report of that version as the data-quality
 * metrics and assertions facets), the output the stage table at the Delta version the write made. A run
 * that succeeded is COMPLETE, one the warehouse refused is FAIL with its text. The run id is derived from
 * the outcome's event id, so the same outcome always names the same run.
 */
public final class OpenLineageEvents {

  private final OpenLineage openLineage;
  private final String jobNamespace;
  private final String datasetNamespace;

  /**
   * @param producer who produced the metadata (this service)
   * @param jobNamespace the namespace the promotion jobs are named in
   * @param datasetNamespace the warehouse's namespace, as the other producers of lineage about the same
   *     tables name it, so that the graphs join up
   */
  public OpenLineageEvents(URI producer, String jobNamespace, String datasetNamespace) {
    this.openLineage = new OpenLineage(producer);
    this.jobNamespace = jobNamespace;
    this.datasetNamespace = datasetNamespace;
  }

  public OpenLineage.RunEvent runEvent(PromotionRun run) {
    return openLineage.newRunEventBuilder()
        .eventType(run.succeeded() ? OpenLineage.RunEvent.EventType.COMPLETE : OpenLineage.RunEvent.EventType.FAIL)
        .eventTime(run.endedAt().atZone(ZoneOffset.UTC))
        .run(openLineage.newRun(runId(run), runFacets(run)))
        .job(openLineage.newJobBuilder().namespace(jobNamespace).name(jobName(run))
            .facets(openLineage.newJobFacetsBuilder().jobType(openLineage.newJobTypeJobFacetBuilder()
                .processingType("BATCH").integration("DELTA_PROMOTION").jobType("PROMOTION").build()).build())
            .build())
        .inputs(List.of(openLineage.newInputDatasetBuilder().namespace(datasetNamespace).name(run.sourceTable())
            .facets(versioned(Long.toString(run.sourceVersion())))
            .inputFacets(run.qc().map(this::qualityFacets).orElse(null))
            .build()))
        .outputs(List.of(openLineage.newOutputDatasetBuilder().namespace(datasetNamespace).name(run.targetTable())
            .facets(run.targetVersion() == null ? null : versioned(Long.toString(run.targetVersion())))
            .build()))
        .build();
  }

  /** One job per stage table: its runs are the versions promoted into it. */
  static String jobName(PromotionRun run) {
    return "promote." + run.stage() + "." + run.targetTable();
  }

  static UUID runId(PromotionRun run) {
    return UUID.nameUUIDFromBytes(("delta-promotion run " + run.outcomeId()).getBytes(StandardCharsets.UTF_8));
  }

  private OpenLineage.RunFacets runFacets(PromotionRun run) {
    List<OpenLineage.TagsRunFacetFields> tags = new ArrayList<>();
    tags.add(tag("stage", run.stage()));
    Optional.ofNullable(run.promotionId()).ifPresent(id -> tags.add(tag("promotion_id", id)));
    Optional.ofNullable(run.releaseTag()).ifPresent(release -> tags.add(tag("release", release)));
    OpenLineage.RunFacetsBuilder facets = openLineage.newRunFacetsBuilder().tags(openLineage.newTagsRunFacet(tags));
    if (!run.succeeded()) {
      facets.errorMessage(openLineage.newErrorMessageRunFacetBuilder()
          .message(run.error() == null ? "the warehouse failed the write" : run.error())
          .programmingLanguage("SQL").build());
    }
    return facets.build();
  }

  private OpenLineage.TagsRunFacetFields tag(String key, String value) {
    return openLineage.newTagsRunFacetFieldsBuilder().key(key).value(value).source("DELTA_PROMOTION").build();
  }

  private OpenLineage.DatasetFacets versioned(String version) {
    return openLineage.newDatasetFacetsBuilder()
        .version(openLineage.newDatasetVersionDatasetFacetBuilder().datasetVersion(version).build()).build();
  }

  private OpenLineage.InputDatasetInputFacets qualityFacets(QcReport report) {
    OpenLineage.DataQualityMetricsInputDatasetFacetColumnMetricsBuilder columns =
        openLineage.newDataQualityMetricsInputDatasetFacetColumnMetricsBuilder();
    List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> assertions = new ArrayList<>();
    for (QcReport.Check check : report.checks()) {
      Optional<String> column = check.nullKeyColumn();
      Optional<Long> nulls = count(check.observedValue());
      if (column.isPresent() && nulls.isPresent()) {
        columns.put(column.get(),
            openLineage.newDataQualityMetricsInputDatasetFacetColumnMetricsAdditionalBuilder().nullCount(nulls.get()).build());
      }
      assertions.add(openLineage.newDataQualityAssertionsDatasetFacetAssertionsBuilder()
          .assertion(check.name())
          .success(check.passed())
          .column(column.orElse(null))
          .severity(severity(check.status()))
          .description(check.message())
          .expected(check.threshold())
          .actual(check.observedValue())
          .build());
    }
    return openLineage.newInputDatasetInputFacetsBuilder()
        .dataQualityMetrics(openLineage.newDataQualityMetricsInputDatasetFacetBuilder()
            .rowCount(report.rowCount()).columnMetrics(columns.build()).build())
        .dataQualityAssertions(openLineage.newDataQualityAssertionsDatasetFacetBuilder().assertions(assertions).build())
        .build();
  }

  /** How the check's finding weighed: a FAIL blocks the promotion, a WARN does not; a pass says nothing. */
  private static String severity(String status) {
    return switch (status) {
      case "FAIL" -> "error";
      case "WARN" -> "warn";
      default -> null;
    };
  }

  private static Optional<Long> count(String observed) {
    try {
      return observed == null ? Optional.empty() : Optional.of(Long.parseLong(observed.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
