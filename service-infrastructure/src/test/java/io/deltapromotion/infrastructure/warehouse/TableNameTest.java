package io.deltapromotion.infrastructure.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

  @Test
  void givenSchemaAndTableWhenParsedThenTheNameIsCanonicalAndEveryPartIsQuoted() {
    TableName name = TableName.parse("DAP_Silver_PP.Author_Profile");

    assertThat(name.toString()).isEqualTo("dap_silver_pp.author_profile");
    assertThat(name.quoted()).isEqualTo("`dap_silver_pp`.`author_profile`");
    assertThat(name.hasCatalog()).isFalse();
  }

  @Test
  void givenCatalogSchemaAndTableWhenParsedThenAllThreePartsAreKept() {
    TableName name = TableName.parse("main.dap_silver_pp.author_profile");

    assertThat(name.catalog()).isEqualTo("main");
    assertThat(name.quoted()).isEqualTo("`main`.`dap_silver_pp`.`author_profile`");
    assertThat(name.quotedSchema()).isEqualTo("`main`.`dap_silver_pp`");
  }

  @Test
  void givenAPreProdTableWhenMovedToTheProdSchemaThenOnlyTheSchemaChanges() {
    assertThat(TableName.parse("main.dap_silver_pp.t").inSchema("dap_silver_pr"))
        .isEqualTo(TableName.parse("main.dap_silver_pr.t"));
  }

  @Test
  void givenAnUnderscoreLeadingPartAndDigitsWhenParsedThenItIsAccepted() {
    assertThat(TableName.parse("_s1._t_2").toString()).isEqualTo("_s1._t_2");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dap.author'; DROP TABLE prod.x; --",
      "dap.author\"x",
      "dap.author;",
      "dap.author--comment",
      "dap.author/*c*/",
      "dap.`author`",
      "dap.author` UNION SELECT 1 --",
      "dap.auth or",
      "dap.author\n",
      "dap.author\u0000",
      "dap.tablé",
      "d\u0430p.author",
      "dap.author\u200b",
      "dap.\u202eauthor",
      "dap.author\uD83D\uDE00",
      "dap.1author",
      "dap..author",
      ".dap.author",
      "dap.author.",
      "author",
      "a.b.c.d",
      "dap.author$",
      "dap.author%",
      "dap.*",
      "${jndi:ldap://x}.t"
  })
  void givenAHostileOrMalformedNameWhenParsedThenItIsRejectedBeforeAnySql(String hostile) {
    assertThatThrownBy(() -> TableName.parse(hostile))
        .isInstanceOf(InvalidIdentifierException.class)
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n", "\u0000", "\u202e"));
  }

  @Test
  void givenAQuoteInTheNameWhenRejectedThenTheMessageSaysWhichCharacterAndWhatIsAllowed() {
    assertThatThrownBy(() -> TableName.parse("dap.author;drop"))
        .hasMessageContaining("the character ';'")
        .hasMessageContaining("letter or underscore followed by letters, digits or underscores");
  }

  @Test
  void givenAnInvisibleCharacterWhenRejectedThenTheMessageNamesItsCodePoint() {
    assertThatThrownBy(() -> TableName.parse("dap.author\u200b"))
        .hasMessageContaining("U+200B")
        .hasMessageContaining("dap.author\\u200B");
  }

  @Test
  void givenAWrongNumberOfPartsWhenParsedThenTheMessageSaysTheExpectedForm() {
    assertThatThrownBy(() -> TableName.parse("author")).hasMessageContaining("expected [catalog.]schema.table");
    assertThatThrownBy(() -> TableName.parse("a.b.c.d")).hasMessageContaining("4 part(s)");
  }

  @Test
  void givenAPartLongerThan255CharactersWhenParsedThenItIsRejected() {
    String longPart = "a".repeat(256);

    assertThatThrownBy(() -> TableName.parse("dap." + longPart)).hasMessageContaining("at most 255");
    assertThat(TableName.parse("dap." + "a".repeat(255)).table()).hasSize(255);
  }

  @Test
  void givenAnOverlongInputWhenParsedThenItIsRejectedWithoutEchoingAllOfIt() {
    String overlong = "dap." + "x".repeat(5_000);

    assertThatThrownBy(() -> TableName.parse(overlong))
        .hasMessageContaining("5004 characters long")
        .satisfies(error -> assertThat(error.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void givenNullOrEmptyWhenParsedThenANameIsRequired() {
    assertThatThrownBy(() -> TableName.parse(null)).hasMessageContaining("a table name is required");
    assertThatThrownBy(() -> TableName.parse("")).hasMessageContaining("a table name is required");
  }

  @Test
  void givenAColumnIdentifierWhenQuotedThenCaseIsKeptAndBackticksWrapIt() {
    assertThat(Identifier.of("Author_Id").quoted()).isEqualTo("`Author_Id`");
    assertThatThrownBy(() -> Identifier.of("id`) OR 1=1 --")).isInstanceOf(InvalidIdentifierException.class);
  }
}
