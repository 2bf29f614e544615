package io.deltapromotion.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryQueryTest {

  private static final RegistryEntry ORDERS = entry("pp.orders", Map.of("staging", 5L, "prod", 4L), "R-7");
  private static final RegistryEntry USERS = entry("pp.users", Map.of("staging", 2L), null);

  @Test
  void givenFiltersAnInstantAndAFormat_whenParsed_thenEachIsKeptCanonicalAndTheClusterDefaultsToTheLocalStack() {
    RegistryQuery query = RegistryCommand.parse(new String[] {"--table", "PP.Orders", "--stage", "prod", "--release", "R-7",
        "--at", "2026-11-24T10:00:00+01:00", "--output", "markdown"});

    assertThat(query.table()).isEqualTo("pp.orders");
    assertThat(query.at()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(query.output()).isEqualTo(RegistryFormat.MARKDOWN);
    assertThat(query.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(RegistryCommand.parse(new String[] {"kafka:9092", "http://sr:8081"}).schemaRegistryUrl())
        .isEqualTo("http://sr:8081");
  }

  @Test
  void givenFilters_whenMatched_thenOnlyTheTablesOfThatStageReleaseOrNameRemain() {
    List<RegistryEntry> entries = List.of(ORDERS, USERS);

    assertThat(entries.stream().filter(query("--stage", "prod")::matches)).containsExactly(ORDERS);
    assertThat(entries.stream().filter(query("--stage", "staging")::matches)).containsExactly(ORDERS, USERS);
    assertThat(entries.stream().filter(query("--release", "R-7")::matches)).containsExactly(ORDERS);
    assertThat(entries.stream().filter(query("--table", "pp.users")::matches)).containsExactly(USERS);
    assertThat(entries.stream().filter(query()::matches)).containsExactly(ORDERS, USERS);
  }

  @Test
  void givenBadArguments_whenParsed_thenEachIsRefusedSayingWhatIsWrong() {
    assertThatThrownBy(() -> query("--table", "pp.orders; DROP TABLE x")).hasMessageStartingWith("--table: ");
    assertThatThrownBy(() -> query("--stage", "prod live")).hasMessageContaining("--stage must be a stage name");
    assertThatThrownBy(() -> query("--at", "yesterday")).hasMessageContaining("--at must be an instant");
    assertThatThrownBy(() -> query("--output", "yaml")).hasMessageContaining("--output must be text, json or markdown");
    assertThatThrownBy(() -> query("--tabel", "pp.orders")).hasMessageContaining("Unknown option: '--tabel'");
    assertThatThrownBy(() -> query("--table")).hasMessageContaining("Missing required parameter for option '--table'");
    assertThatThrownBy(() -> query("a", "b", "c")).hasMessageContaining("Unmatched argument at index 2: 'c'");
  }

  @Test
  void givenNoRegistryServiceNamed_whenParsed_thenTheLocalOneIsAsked_unlessAnotherClusterIsGivenOrItIsNone() {
    assertThat(RegistryCommand.parse(new String[] {}).registryService()).hasToString("http://127.0.0.1:8095");
    assertThat(RegistryCommand.parse(new String[] {"kafka:9092"}).registryService())
        .as("the local registry-service follows the local stack, not that cluster").isNull();
    assertThat(RegistryCommand.parse(new String[] {"--registry-service", "http://registry:8095", "kafka:9092"})
        .registryService()).hasToString("http://registry:8095");
    assertThat(RegistryCommand.parse(new String[] {"--registry-service", "none"}).registryService()).isNull();
    assertThatThrownBy(() -> RegistryCommand.parse(new String[] {"--registry-service", "ftp://x"}))
        .hasMessageContaining("--registry-service must be an http(s) address or none");
  }

  @Test
  void givenNoRegistryServiceListening_whenAsked_thenItSaysSoAndTheCallerRebuildsFromTheTopics() throws Exception {
    int freePort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }

    assertThat(new RegistryServiceClient(java.net.URI.create("http://127.0.0.1:" + freePort)).tables(null)).isEmpty();
  }

  @Test
  void givenEntries_whenRendered_thenMarkdownIsATableWithEscapedPipesAndJsonHasEveryField() {
    RegistryEntry piped = entry("pp.orders", Map.of("prod", 4L), "a|b");

    String markdown = RegistryFormat.MARKDOWN.render(List.of(piped));
    String json = RegistryFormat.JSON.render(List.of(piped));

    assertThat(markdown.lines().toList()).hasSize(3).first().asString().startsWith("| SOURCE TABLE | PRE-PROD |");
    assertThat(markdown).contains("| a\\|b |");
    assertThat(json).startsWith("[{").contains("\"sourceTable\":\"pp.orders\"").contains("\"stageVersions\":{\"prod\":4}")
        .contains("\"releaseTag\":\"a|b\"").contains("\"updatedAt\":\"2026-11-24T09:00:00Z\"");
  }

  @Test
  void givenHelpOrACompletionRequest_whenRun_thenTheUsageOrABashScriptIsPrinted_andABadArgumentIsAUsageError() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream printOut = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    java.io.PrintStream printErr = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);

    assertThat(RegistryCommand.run(new String[] {"--help"}, Map.of(), printOut, printErr)).isZero();
    assertThat(RegistryCommand.run(new String[] {"--completion"}, Map.of(), printOut, printErr)).isZero();
    assertThat(RegistryCommand.run(new String[] {"--at", "yesterday"}, Map.of(), printOut, printErr)).isEqualTo(2);

    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("Usage: registry", "--registry-service=URL|none", "Exit status:", "complete -F", "--release");
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("registry: --at must be an instant");
  }

  private static RegistryQuery query(String... args) {
    return RegistryCommand.parse(args);
  }

  private static RegistryEntry entry(String table, Map<String, Long> stages, String release) {
    return new RegistryEntry(table, "pr." + table.substring(3), "prod", 5L, "DATA_ONLY", stages, "PASS", 5L, "PROMOTED",
        4L, release, null, Instant.parse("2026-11-24T09:00:00Z"));
  }
}
