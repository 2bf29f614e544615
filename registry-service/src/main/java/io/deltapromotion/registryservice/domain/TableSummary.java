package io.deltapromotion.registryservice.domain;

import java.util.List;

/**
 * One table at a glance: its newest pre-prod version, that version's QC verdict, and each stage.
 *
 * @param preprodVersion the newest version announced; null when its source is missing or none was
 * @param category how that version was classified
 * @param release the release it belongs to; null for none
 * @param verdict QC's verdict of that version; null while it is not audited
 * @param targetTable the table that version was announced for; null when unknown
 * @param targetStage the stage that version was announced for (QC's drift baseline); null when unknown
 */
public record TableSummary(String table, Long preprodVersion, String category, String release, String verdict,
    List<StageHolding> stages, String targetTable, String targetStage) {

  public TableSummary {
    stages = List.copyOf(stages);
  }
}
