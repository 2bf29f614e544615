package io.deltapromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tool refuses before sending anything; OperatorCommandsIT runs it against the real promoter. */
class OperatorCliTest {

  private static final Map<String, String> TOKEN = Map.of("PROMOTION_TOKEN", "t".repeat(40));

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenNoToken_whenACommandIsGiven_thenItIsAUsageErrorNamingTheVariable() {
    assertThat(run(Map.of(), "rollback", "--table", "pp.orders", "--stage", "prod")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).startsWith("promotion: set PROMOTION_TOKEN to your operator token");
  }

  @Test
  void givenTheTokenInAFile_whenACommandIsSent_thenTheFileIsReadAndAnUnreadableOneIsAUsageError(@TempDir Path dir)
      throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("operator-token"), "t".repeat(40) + "\n");

    int sent = run(Map.of("PROMOTION_TOKEN_FILE", tokenFile.toString()), "approve", "--table", "pp.orders",
        "--url", "http://127.0.0.1:1");
    int missing = run(Map.of("PROMOTION_TOKEN_FILE", dir.resolve("absent").toString()), "approve", "--table",
        "pp.orders");

    assertThat(sent).isEqualTo(OperatorCli.UNAVAILABLE);
    assertThat(missing).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("cannot read the token file " + dir.resolve("absent"));
  }

  @Test
  void givenBadArguments_whenRun_thenEachIsAUsageErrorSayingWhatIsWrong() {
    assertThat(run(TOKEN, "deploy")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--table", "pp.orders", "--version", "-1")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--table", "pp.orders", "--output", "yaml")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--tabel", "pp.orders")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--url", "ftp://host", "--table", "pp.orders")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("unknown command 'deploy'")
        .contains("--version must be a table version (0 or more), got '-1'")
        .contains("--output must be text, json or markdown, got 'yaml'")
        .contains("unknown option --tabel")
        .contains("--url must be an http(s) URL, got 'ftp://host'");
  }

  @Test
  void givenGrants_whenParsed_thenThePrincipalsGoEncodedIntoTheQuery_andWithoutAPrincipalItIsAUsageError() {
    CliOptions options = CliOptions.parse(new String[] {"grants", "--principal", "sp-promoter", "--revoke-from",
        "account users", "--revoke-from", "data-eng"}, Map.of("PROMOTION_TOKEN", "t"));

    assertThat(options.grantsQuery())
        .isEqualTo("grants?principal=sp-promoter&revoke-from=account%20users&revoke-from=data-eng");
    assertThat(run(TOKEN, "grants", "--revoke-from", "account users")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("grants needs --principal");
  }

  @Test
  void givenNoPromoterListening_whenACommandIsSent_thenItSaysItCannotReachIt() {
    int status = run(TOKEN, "approve", "--table", "pp.orders", "--url", "http://127.0.0.1:1");

    assertThat(status).isEqualTo(OperatorCli.UNAVAILABLE);
    assertThat(err()).startsWith("promotion: cannot reach the promoter at http://127.0.0.1:1");
  }

  @Test
  void givenHelp_whenAsked_thenTheUsageListsEveryCommand() {
    assertThat(run(Map.of(), "--help")).isEqualTo(OperatorCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("approve").contains("reject").contains("promote")
        .contains("rollback").contains("--dry-run").contains("--output text|json|markdown");
  }

  private int run(Map<String, String> environment, String... args) {
    return OperatorCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
