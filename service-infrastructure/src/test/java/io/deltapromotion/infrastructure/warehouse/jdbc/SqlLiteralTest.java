package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLiteralTest {

  @Test
  void givenQuotesAndBackslashesWhenQuotedThenTheyAreBackslashEscaped() {
    assertThat(SqlLiteral.of("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
  }

  @Test
  void givenControlCharactersWhenQuotedThenTheyBecomeUnicodeEscapes() {
    assertThat(SqlLiteral.of("a\nb\u0000c")).isEqualTo("'a\\u000ab\\u0000c'");
  }

  @Test
  void givenAVariableReferenceWhenQuotedThenNoDollarIsLeftForSparkToSubstitute() {
    assertThat(SqlLiteral.of("${env:SECRET} costs $5")).isEqualTo("'\\u0024{env:SECRET} costs \\u00245'");
  }

  @Test
  void givenStatementSyntaxInsideTheValueWhenQuotedThenItStaysInsideOneLiteral() {
    String literal = SqlLiteral.of("x'); DROP TABLE prod.t; --");

    assertThat(literal).isEqualTo("'x\\'); DROP TABLE prod.t; --'");
    assertThat(literal.chars().filter(c -> c == '\'').count() - 1).isEqualTo(2);
  }
}
