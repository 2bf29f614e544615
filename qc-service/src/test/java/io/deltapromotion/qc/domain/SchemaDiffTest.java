package io.deltapromotion.qc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.qc.domain.SchemaChange.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static final TableSchema HELD = schema(col("id", "bigint", false), col("email", "string", true),
      col("amount", "int", true));

  @Test
  void givenTheSameSchemaWithOtherCommentsAndCase_whenCompared_thenNothingChanged() {
    TableSchema same = schema(new Column("ID", "bigint", false, "the key"), col("Email", "string", true),
        col("amount", "int", true));

    assertThat(SchemaDiff.between(HELD, same)).isEmpty();
  }

  @Test
  void givenANewNullableColumn_whenCompared_thenItIsAnAdditiveChange() {
    List<SchemaChange> changes = SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("email", "string", true),
        col("amount", "int", true), col("country", "string", true)));

    assertThat(changes).containsExactly(new SchemaChange(Kind.ADDED_NULLABLE_COLUMN, "country", null, "string"));
    assertThat(changes.get(0).breaking()).isFalse();
  }

  @Test
  void givenANewNotNullColumn_whenCompared_thenItBreaksWriters() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("email", "string", true),
        col("amount", "int", true), col("country", "string", false))))
        .containsExactly(new SchemaChange(Kind.ADDED_NON_NULL_COLUMN, "country", null, "string"));
  }

  @Test
  void givenAColumnGone_whenCompared_thenItIsDropped() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("amount", "int", true))))
        .containsExactly(new SchemaChange(Kind.DROPPED_COLUMN, "email", "string", null));
  }

  @Test
  void givenAColumnReplacedInPlaceBySameTypedOne_whenCompared_thenItIsARename() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("mail", "string", true),
        col("amount", "int", true))))
        .containsExactly(new SchemaChange(Kind.RENAMED_COLUMN, "mail", "email", "mail"));
  }

  @Test
  void givenAColumnReplacedByOneOfAnotherType_whenCompared_thenItIsADropAndAnAdd() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("mail", "int", true),
        col("amount", "int", true))))
        .extracting(SchemaChange::kind).containsExactly(Kind.DROPPED_COLUMN, Kind.ADDED_NULLABLE_COLUMN);
  }

  @Test
  void givenATypeWidened_whenCompared_thenItIsAdditive() {
    List<SchemaChange> changes = SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("email", "string", true),
        col("amount", "bigint", true)));

    assertThat(changes).containsExactly(new SchemaChange(Kind.TYPE_WIDENED, "amount", "int", "bigint"));
    assertThat(changes.get(0).breaking()).isFalse();
  }

  @Test
  void givenATypeNarrowedOrChanged_whenCompared_thenItBreaksReaders() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "int", false), col("email", "binary", true),
        col("amount", "int", true))))
        .containsExactly(new SchemaChange(Kind.TYPE_CHANGED, "id", "bigint", "int"),
            new SchemaChange(Kind.TYPE_CHANGED, "email", "string", "binary"));
  }

  @Test
  void givenNullabilityTightenedAndRelaxed_whenCompared_thenOnlyTighteningBreaks() {
    List<SchemaChange> changes = SchemaDiff.between(HELD, schema(col("id", "bigint", true), col("email", "string", false),
        col("amount", "int", true)));

    assertThat(changes).containsExactly(new SchemaChange(Kind.NULLABILITY_RELAXED, "id", "not null", "nullable"),
        new SchemaChange(Kind.NULLABILITY_TIGHTENED, "email", "nullable", "not null"));
    assertThat(changes).extracting(SchemaChange::breaking).containsExactly(false, true);
  }

  @Test
  void givenTheSameColumnsInAnotherOrder_whenCompared_thenItIsAReorder() {
    List<SchemaChange> changes = SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("amount", "int", true),
        col("email", "string", true)));

    assertThat(changes).containsExactly(new SchemaChange(Kind.COLUMNS_REORDERED, null, "(id, email, amount)",
        "(id, amount, email)"));
    assertThat(changes.get(0).describe()).isEqualTo("columns reordered: (id, email, amount) -> (id, amount, email)");
  }

  @Test
  void givenAColumnAddedInTheMiddle_whenCompared_thenTheOthersAreNotReordered() {
    assertThat(SchemaDiff.between(HELD, schema(col("id", "bigint", false), col("note", "string", true),
        col("email", "string", true), col("amount", "int", true))))
        .extracting(SchemaChange::kind).containsExactly(Kind.ADDED_NULLABLE_COLUMN);
  }

  @ParameterizedTest
  @CsvSource({
      "tinyint, smallint, true", "smallint, int, true", "int, bigint, true", "bigint, int, false",
      "float, double, true", "double, float, false", "int, double, true", "bigint, double, false",
      "'decimal(10,2)', 'decimal(12,2)', true", "'decimal(10,2)', 'decimal(12,4)', true",
      "'decimal(10,2)', 'decimal(10,4)', false", "'decimal(10,2)', 'decimal(10,2)', false",
      "int, 'decimal(12,2)', true", "int, 'decimal(10,2)', false", "date, timestamp_ntz, true",
      "string, int, false"})
  void givenTwoTypes_whenAskedForWidening_thenOnlyLosslessChangesWiden(String from, String to, boolean widens) {
    assertThat(SchemaDiff.widens(from, to)).isEqualTo(widens);
  }

  private static Column col(String name, String type, boolean nullable) {
    return new Column(name, type, nullable, null);
  }

  private static TableSchema schema(Column... columns) {
    return new TableSchema(Arrays.asList(columns));
  }
}
