package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Lineage;
import io.deltapromotion.infrastructure.warehouse.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeClassifierTest {

  private static final TableName SOURCE = TableName.parse("dap_silver_pp.author_profile");
  private static final String SCHEMA = "fingerprint-a";
  private static final String OTHER_SCHEMA = "fingerprint-b";

  @Test
  void givenNoTargetWhenClassifiedThenNewTable() {
    assertThat(classify(version(3, "WRITE"), TargetState.absent())).isEqualTo(ChangeCategory.NEW_TABLE);
  }

  @Test
  void givenTheTargetHoldsThisVersionWhenClassifiedThenNoChange() {
    assertThat(classify(version(3, "WRITE"), promotedAt(3, SCHEMA))).isEqualTo(ChangeCategory.NO_CHANGE);
  }

  @Test
  void givenNewDataWithTheSameSchemaWhenClassifiedThenDataOnly() {
    assertThat(classify(version(4, "WRITE", "MERGE"), promotedAt(2, SCHEMA))).isEqualTo(ChangeCategory.DATA_ONLY);
  }

  @Test
  void givenADifferentSchemaWhenClassifiedThenSchemaChange() {
    assertThat(classify(version(4, "ADD COLUMNS"), promotedAt(3, OTHER_SCHEMA))).isEqualTo(ChangeCategory.SCHEMA_CHANGE);
  }

  @Test
  void givenOnlyOptimizeAndPropertyCommitsSinceThePromotedVersionWhenClassifiedThenNoChange() {
    assertThat(classify(version(5, "SET TBLPROPERTIES", "OPTIMIZE"), promotedAt(3, SCHEMA)))
        .isEqualTo(ChangeCategory.NO_CHANGE);
  }

  @Test
  void givenAWriteAmongTheDataNeutralCommitsWhenClassifiedThenDataOnly() {
    assertThat(classify(version(5, "OPTIMIZE", "WRITE"), promotedAt(3, SCHEMA))).isEqualTo(ChangeCategory.DATA_ONLY);
  }

  @Test
  void givenHistoryTooShortToSeeEveryCommitSinceThePromotedVersionWhenClassifiedThenDataOnly() {
    SourceVersion version = new SourceVersion(List.of(commit(9, "OPTIMIZE")), SCHEMA);
    assertThat(classify(version, promotedAt(3, SCHEMA))).isEqualTo(ChangeCategory.DATA_ONLY);
  }

  @Test
  void givenATargetPromotedFromAnotherSourceWhenClassifiedThenItIsNotTakenAsHoldingThisVersion() {
    Lineage foreign = new Lineage(TableName.parse("other_pp.author_profile"), 3, null, Instant.EPOCH, "p");
    assertThat(classify(version(3, "WRITE"), TargetState.present(Optional.of(foreign), SCHEMA)))
        .isEqualTo(ChangeCategory.DATA_ONLY);
  }

  @Test
  void givenATargetWithoutLineageAndTheSameSchemaWhenClassifiedThenDataOnly() {
    assertThat(classify(version(0, "CREATE TABLE AS SELECT"), TargetState.present(Optional.empty(), SCHEMA)))
        .isEqualTo(ChangeCategory.DATA_ONLY);
  }

  private static ChangeCategory classify(SourceVersion version, TargetState target) {
    return ChangeClassifier.classify(SOURCE, version, target);
  }

  private static TargetState promotedAt(long version, String fingerprint) {
    return TargetState.present(Optional.of(new Lineage(SOURCE, version, "r1", Instant.EPOCH, "promotion-1")), fingerprint);
  }

  /** The newest commits, oldest operation first, ending at {@code newest}. */
  private static SourceVersion version(long newest, String... operationsOldestFirst) {
    List<HistoryEntry> history = new ArrayList<>();
    for (int i = 0; i < operationsOldestFirst.length; i++) {
      history.add(0, commit(newest - operationsOldestFirst.length + 1 + i, operationsOldestFirst[i]));
    }
    return new SourceVersion(history, SCHEMA);
  }

  private static HistoryEntry commit(long version, String operation) {
    return new HistoryEntry(version, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version), operation, Map.of());
  }
}
