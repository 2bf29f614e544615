package io.deltapromotion.infrastructure.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlExpressionTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "amount >= 0",
      "status IN ('open', 'closed') AND amount BETWEEN 0 AND 1e6",
      "CAST(amount AS DECIMAL(10,2)) > 0.5",
      "`Order_Id` IS NOT NULL",
      "name RLIKE '^[a-z]+$' OR name = 'it\\'s'",
      "AVG(amount) / NULLIF(MAX(amount), 0)",
      "COUNT(DISTINCT customer_id)"})
  void givenAnExpressionInTheGrammar_whenParsed_thenItIsKeptAsWritten(String text) {
    assertThat(SqlExpression.parse("  " + text + " ").text()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "amount > 0; DROP TABLE prod.orders     | ';'",
      "amount > 0 -- and more                 | a comment",
      "amount > 0 /* hidden */                | a comment",
      "(SELECT MAX(id) FROM other.table) > 0  | 'SELECT'",
      "amount > 0) OR (1 = 1                  | closes nothing",
      "(amount > 0                            | not closed",
      "name = 'open                           | never closed",
      "name = \"x\"                           | '\"'",
      "ROW_NUMBER() OVER (ORDER BY id) = 1    | 'OVER'",
      "reflect('java.lang.Runtime', 'x')      | 'reflect'",
      "amount > 12abc                         | malformed number",
      "java_method('java.lang.System', 'getenv', 'HOME') = 'x' | 'java_method'",
      "secret('scope', 'key') = 'x'           | function 'secret'",
      "raise_error('stop') IS NULL            | function 'raise_error'",
      "ai_query('model', name) = 'x'          | function 'ai_query'",
      "http_request('GET', 'http://x') IS NULL | function 'http_request'",
      "MAX(input_file_name()) = ''            | function 'input_file_name'",
      "rand() > 0.5                           | function 'rand'",
      "`reflect`('java.lang.Runtime', 'x') = 1 | quoted name `reflect`",
      "system.builtin.upper(name) = 'X'       | qualified function",
      "r'\\' = name OR (1 = 1               | raw string",
      "R'\\' = name                           | raw string",
      "nаme IS NULL                           | U+0430",
      "ｒeflect(name) = 1                     | U+FF52",
      "name = 'x'                        | U+2003"})
  void givenAnythingBeyondOneExpression_whenParsed_thenTheErrorSaysWhatAndWhere(String text, String reason) {
    assertThatThrownBy(() -> SqlExpression.parse(text))
        .isInstanceOf(InvalidSqlExpressionException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "upper(trim(name)) = 'ADA' AND length(name) < 40",
      "COALESCE(round(amount, 2), 0) >= 0 AND abs(delta) < 1",
      "CAST(amount AS DECIMAL(10,2)) > 0 AND year(created) >= 2020",
      "IF(status = 'x', 1, 0) = 0",
      "name RLIKE '^[a-z]+$' AND startswith(name, 'a')"})
  void givenPureFunctionsWhenParsedThenTheyAreAccepted(String text) {
    assertThat(SqlExpression.parse(text).text()).isEqualTo(text);
  }

  @Test
  void givenADollarInAStringWhenWrittenAsSqlThenNoDollarReachesTheServerForItsVariableSubstitution() {
    SqlExpression expression = SqlExpression.parse("MAX(ascii(substr('${env:SECRET}', 1, 1))) > 0 AND name RLIKE 'x$'");

    assertThat(expression.sql()).doesNotContain("$")
        .isEqualTo("MAX(ascii(substr('\\u0024{env:SECRET}', 1, 1))) > 0 AND name RLIKE 'x\\u0024'");
    assertThat(expression.text()).contains("${env:SECRET}");
  }

  @Test
  void givenAnEmptyExpression_whenParsed_thenItIsRejected() {
    assertThatThrownBy(() -> SqlExpression.parse("  ")).hasMessageContaining("empty");
  }

  @Test
  void givenAnExpression_whenAskedForColumns_thenFunctionsKeywordsTypesAndFieldsAreNotColumns() {
    SqlExpression expression = SqlExpression.parse(
        "CASE WHEN address.city IS NULL THEN 0 ELSE CAST(amount AS BIGINT) END + `Total` > COALESCE(bonus, 0)");

    assertThat(expression.columnReferences()).containsExactly("address", "amount", "Total", "bonus");
  }

  @Test
  void givenAggregateAndRowExpressions_whenClassified_thenOnlyAggregateCallsCount() {
    assertThat(SqlExpression.parse("sum(amount) > 0").aggregateCalls()).containsExactly("SUM");
    assertThat(SqlExpression.parse("upper(name) = 'X'").isAggregate()).isFalse();
  }

  @Test
  void givenARowCondition_whenAggregated_thenRowsWhereItIsNotTrueAreCounted() {
    Aggregate violations = Aggregate.violations("negative", SqlExpression.parse("amount >= 0"));

    assertThat(violations.expression()).isEqualTo("COUNT(CASE WHEN (amount >= 0) THEN NULL ELSE 1 END)");
    assertThatThrownBy(() -> Aggregate.violations("x", SqlExpression.parse("SUM(amount) > 0")))
        .hasMessageContaining("cannot call an aggregate");
    assertThatThrownBy(() -> Aggregate.metric("x", SqlExpression.parse("amount")))
        .hasMessageContaining("must aggregate");
  }
}
