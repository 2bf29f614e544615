package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementKindTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "CREATE OR REPLACE TABLE `pr`.`t` SHALLOW CLONE `pp`.`t` VERSION AS OF 3 | CLONE",
      "create or replace table `pr`.`t` deep clone `pp`.`t` | CLONE",
      "CREATE TABLE IF NOT EXISTS `m`.`r` (a INT) USING delta | CREATE",
      "  SELECT count(*) FROM `pp`.`t` VERSION AS OF 3 | QUERY",
      "DESCRIBE HISTORY `pp`.`t` LIMIT 1 | HISTORY",
      "DESCRIBE DETAIL `pp`.`t` | DESCRIBE",
      "SHOW TABLES IN `pp` | SHOW",
      "RESTORE TABLE `pr`.`t` TO VERSION AS OF 2 | RESTORE",
      "MERGE INTO `m`.`r` AS target USING (SELECT 1) AS source ON false | MERGE",
      "DELETE FROM `pr`.`t` | DELETE",
      "SET spark.databricks.delta.commitInfo.userMetadata=x | SESSION",
      "VACUUM `pr`.`t` | OTHER"})
  void givenAStatement_whenClassified_thenItsKindComesFromItsLeadingKeywordsNeverItsTable(String sql, StatementKind kind) {
    assertThat(StatementKind.of(sql)).isEqualTo(kind);
  }
}
