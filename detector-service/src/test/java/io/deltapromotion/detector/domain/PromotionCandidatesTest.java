package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromotionCandidatesTest {

  @Test
  void givenEachCategory_whenItsNotesAreWritten_thenTheySayWhatDiffersAsTheDesignsDetectionRunDoes() {
    assertThat(candidate("DATA_ONLY", 5L, 4L).notes()).isEqualTo("version diff src:5 tgt:4");
    assertThat(candidate("SCHEMA_CHANGE", 7L, 4L).notes()).isEqualTo("schema change at src:7 tgt:4");
    assertThat(candidate("NEW_TABLE", 0L, null).notes()).isEqualTo("new table: dap_silver_pr.orders does not exist");
    assertThat(candidate("MISSING_SOURCE", null, 4L).notes()).isEqualTo("source missing: dap_silver_pp.orders does not exist");
  }

  private static PromotionCandidates.Candidate candidate(String category, Long version, Long targetVersion) {
    return new PromotionCandidates.Candidate("e-1", "p-1", TableName.parse("dap_silver_pp.orders"),
        TableName.parse("dap_silver_pr.orders"), category, version, targetVersion, "preprod", "prod", null, Instant.EPOCH);
  }
}
