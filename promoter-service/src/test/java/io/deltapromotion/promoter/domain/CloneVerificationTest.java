package io.deltapromotion.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloneVerificationTest {

  private static final TableName SOURCE = TableName.parse("dap_silver_pp.author_profile");

  @Test
  void givenTheTargetsNewestCommitIsACloneOfTheSourceAtTheVersionWhenVerifiedThenThereIsNoProblem() {
    assertThat(CloneVerification.problem(clone("spark_catalog.dap_silver_pp.author_profile", "189"), SOURCE, 189)).isNull();
    assertThat(CloneVerification.problem(clone("`main`.`dap_silver_pp`.`author_profile`", "189"), SOURCE, 189)).isNull();
  }

  @Test
  void givenACloneOfAnotherVersionWhenVerifiedThenItSaysWhichVersionItHolds() {
    assertThat(CloneVerification.problem(clone("spark_catalog.dap_silver_pp.author_profile", "188"), SOURCE, 189))
        .isEqualTo("it was cloned at source version 188, not 189");
  }

  @Test
  void givenACloneOfATableWithASimilarNameWhenVerifiedThenItIsRejected() {
    assertThat(CloneVerification.problem(clone("spark_catalog.dap_silver_pp.old_author_profile", "189"), SOURCE, 189))
        .startsWith("it was cloned from");
  }

  @Test
  void givenANewerCommitThanTheCloneWhenVerifiedThenSomeoneElseWroteToIt() {
    HistoryEntry write = new HistoryEntry(8, Instant.EPOCH, "WRITE", Map.of());
    assertThat(CloneVerification.problem(write, SOURCE, 189)).contains("someone else wrote to it");
  }

  private static HistoryEntry clone(String source, String version) {
    return new HistoryEntry(7, Instant.EPOCH, "CLONE", Map.of("source", source, "sourceVersion", version));
  }
}
