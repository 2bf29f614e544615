package io.deltapromotion.infrastructure.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableSchemaTest {

  private final TableSchema base = new TableSchema(List.of(
      new Column("id", "bigint", false, null), new Column("name", "string", true, "display name")));

  @Test
  void givenTheSameColumnsWhenFingerprintedThenTheFingerprintsAreEqualWhateverTheComments() {
    TableSchema recommented = new TableSchema(List.of(
        new Column("ID", "bigint", false, "the key"), new Column("name", "string", true, null)));

    assertThat(recommented.fingerprint()).isEqualTo(base.fingerprint()).hasSize(64);
  }

  @Test
  void givenATightenedNullabilityWhenFingerprintedThenTheFingerprintChanges() {
    TableSchema tightened = new TableSchema(List.of(
        new Column("id", "bigint", false, null), new Column("name", "string", false, null)));

    assertThat(tightened.fingerprint()).isNotEqualTo(base.fingerprint());
  }

  @Test
  void givenAWidenedTypeOrAReorderWhenFingerprintedThenTheFingerprintChanges() {
    TableSchema widened = new TableSchema(List.of(
        new Column("id", "decimal(20,0)", false, null), new Column("name", "string", true, null)));
    TableSchema reordered = new TableSchema(List.of(base.columns().get(1), base.columns().get(0)));

    assertThat(widened.fingerprint()).isNotEqualTo(base.fingerprint());
    assertThat(reordered.fingerprint()).isNotEqualTo(base.fingerprint());
  }
}
