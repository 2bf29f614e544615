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
    assertThat(run(TOKEN, "promote", "--table", "pp.orders", "--stage", "prod", "--version", "-1")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--table", "pp.orders", "--stage", "prod", "--output", "yaml")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--tabel", "pp.orders", "--stage", "prod")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--url", "ftp://host", "--table", "pp.orders", "--stage", "prod")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--table", "pp.orders")).as("no stage").isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "promote", "--table", "pp.orders", "--release", "r1", "--stage", "prod")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("Unmatched argument at index 0: 'deploy'")
        .contains("--version must be a table version (0 or more), got '-1'")
        .contains("--output must be text, json or markdown, got 'yaml'")
        .contains("Unknown options: '--tabel', 'pp.orders'")
        .contains("--url must be an http(s) URL, got 'ftp://host'")
        .contains("Missing required option: '--stage=S'")
        .contains("promote needs --table T [--version N] or --release TAG");
  }

  @Test
  void givenGrants_whenParsed_thenThePrincipalsGoEncodedIntoTheQuery_andWithoutAPrincipalItIsAUsageError() {
    PromoterCommands.Grants grants = (PromoterCommands.Grants) OperatorCli.commandLine(TOKEN, System.out, System.err)
        .parseArgs("grants", "--principal", "sp-promoter", "--revoke-from", "account users", "--revoke-from", "data-eng")
        .subcommand().commandSpec().userObject();

    assertThat(grants.query())
        .isEqualTo("grants?principal=sp-promoter&revoke-from=account%20users&revoke-from=data-eng");
    assertThat(run(TOKEN, "grants", "--revoke-from", "account users")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("Missing required option: '--principal=P'");
  }

  @Test
  void givenNoPromoterListening_whenACommandIsSent_thenItSaysItCannotReachIt() {
    int status = run(TOKEN, "approve", "--table", "pp.orders", "--url", "http://127.0.0.1:1");

    assertThat(status).isEqualTo(OperatorCli.UNAVAILABLE);
    assertThat(err()).startsWith("promotion: cannot reach the promoter at http://127.0.0.1:1");
  }

  @Test
  void givenHelp_whenAsked_thenTheUsageListsEveryCommandAndEachCommandItsOptions() {
    assertThat(run(Map.of(), "--help")).isEqualTo(OperatorCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("approve", "reject", "promote", "rollback", "rebaseline",
        "rebaseline-status", "rebuild-release-registry", "grants", "dead-letters", "Exit status:");
    out.reset();

    assertThat(run(Map.of(), "promote", "--help")).isEqualTo(OperatorCli.OK);
    assertThat(run(Map.of(), "dead-letters", "redrive", "--help")).isEqualTo(OperatorCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--table=T", "--release=TAG", "--stage=S", "--dry-run",
        "--output=text|json|markdown", "--at=LOCATION", "--all", "--bootstrap-servers=B");
  }

  @Test
  void givenNoCommand_whenRun_thenTheUsageIsPrintedAndItSucceeds() {
    assertThat(run(Map.of())).isEqualTo(OperatorCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: promotion");
  }

  @Test
  void givenTheCompletionCommand_whenRun_thenABashCompletionScriptForEveryCommandIsPrinted() {
    assertThat(run(Map.of(), "generate-completion")).isEqualTo(OperatorCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("complete -F", "rollback", "dead-letters", "--release");
  }

  @Test
  void givenDeadLettersWithoutWhatToDo_whenRun_thenItIsAUsageError() {
    assertThat(run(TOKEN, "dead-letters")).isEqualTo(OperatorCli.USAGE);
    assertThat(run(TOKEN, "dead-letters", "redrive", "--service", "qc-service")).isEqualTo(OperatorCli.USAGE);
    assertThat(err()).contains("list or redrive?", "redrive needs --at LOCATION, or --service S --all");
  }

  private int run(Map<String, String> environment, String... args) {
    return OperatorCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
