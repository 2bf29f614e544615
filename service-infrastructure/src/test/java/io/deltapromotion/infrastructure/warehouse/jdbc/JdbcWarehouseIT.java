package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.SqlExpression;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStackExtension;
import io.deltapromotion.stack.RequiresLocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The warehouse adapter against the real lakehouse (Spark 3.5 + Delta 3.3 behind the Thrift Server).
 * One source table is built once with four versions:
 * v0 CREATE (id NOT NULL, name), v1 three rows, v2 ADD COLUMNS score, v3 a duplicate id and a null name.
 */
@RequiresLocalStack(Component.LAKEHOUSE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcWarehouseIT {

  private final Lakehouse lakehouse = new Lakehouse();
  private final HikariDataSource pool = WarehouseConnectionPool.open(new WarehouseProperties(
      LocalStackExtension.settings().lakehouseJdbcUrl(), null, null, Duration.ofMinutes(2), 2, Duration.ofSeconds(30), true));
  private final JdbcWarehouse warehouse = new JdbcWarehouse(pool, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
  private final String preprod = Lakehouse.freshSchema("it_pp");
  private final String prod = Lakehouse.freshSchema("it_pr");
  private final TableName source = TableName.parse(preprod + ".author_profile");
  private Instant createdAfter;

  @BeforeAll
  void createSourceTable() {
    createdAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lakehouse.execute(
        "CREATE SCHEMA " + preprod,
        "CREATE SCHEMA " + prod,
        "CREATE TABLE " + source + " (id BIGINT NOT NULL, name STRING COMMENT 'display name') USING delta",
        "INSERT INTO " + source + " VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')",
        "ALTER TABLE " + source + " ADD COLUMNS (score DOUBLE)",
        "INSERT INTO " + source + " VALUES (3, NULL, 0.5)");
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void closePool() {
    pool.close();
  }

  @Test
  void givenThePooledWarehouseWhenStatementsRunOneAfterAnotherThenTheyShareOneWarehouseSession() {
    for (int i = 0; i < 5; i++) {
      warehouse.tableExists(source);
      warehouse.history(source, 1);
    }

    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  @Test
  void givenATableWithFourCommitsWhenHistoryIsReadThenItComesNewestFirstWithOperationsAndParameters() {
    List<HistoryEntry> history = warehouse.history(source, 10);

    assertThat(history).extracting(HistoryEntry::version).containsExactly(3L, 2L, 1L, 0L);
    assertThat(history).extracting(HistoryEntry::operation).containsExactly("WRITE", "ADD COLUMNS", "WRITE", "CREATE TABLE");
    assertThat(history.get(0).operationParameters()).containsEntry("mode", "Append");
    assertThat(history.get(3).timestamp()).isAfterOrEqualTo(createdAfter.minusSeconds(5))
        .isBefore(Instant.now().plusSeconds(5));
    assertThat(warehouse.history(source, 1)).extracting(HistoryEntry::version).containsExactly(3L);
  }

  @Test
  void givenExistingAndMissingTablesWhenCheckedThenOnlyTheExistingOneExists() {
    assertThat(warehouse.tableExists(source)).isTrue();
    assertThat(warehouse.tableExists(TableName.parse(preprod + ".author_profil"))).isFalse();
    assertThat(warehouse.tableExists(TableName.parse("no_such_schema_x.author_profile"))).isFalse();
  }

  @Test
  void givenTwoVersionsWhenTheSchemaIsReadAtEachThenEachHasItsOwnColumnsWithNullabilityAndComments() {
    assertThat(warehouse.schemaAt(source, 1).columns()).containsExactly(
        new Column("id", "bigint", false, null),
        new Column("name", "string", true, "display name"));
    assertThat(warehouse.schemaAt(source, 3).columns()).containsExactly(
        new Column("id", "bigint", false, null),
        new Column("name", "string", true, "display name"),
        new Column("score", "double", true, null));
    assertThat(warehouse.schemaAt(source, 1).fingerprint()).isNotEqualTo(warehouse.schemaAt(source, 3).fingerprint());
  }

  @Test
  void givenAVersionTheTableNeverReachedWhenItsSchemaIsReadThenVersionNotFound() {
    assertThatThrownBy(() -> warehouse.schemaAt(source, 99))
        .isInstanceOf(WarehouseException.VersionNotFound.class)
        .hasMessageContaining("version 99");
  }

  @Test
  void givenAMissingTableWhenItsSchemaIsReadThenTableNotFound() {
    assertThatThrownBy(() -> warehouse.schemaAt(TableName.parse(preprod + ".missing"), 0))
        .isInstanceOf(WarehouseException.TableNotFound.class)
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
  }

  @Test
  void givenTwoVersionsWhenAggregatedThenEachVersionIsCountedAsItWasInOneQuery() {
    List<Aggregate> checks = List.of(
        Aggregate.rowCount("row_count"),
        Aggregate.nullCount("null_name", Identifier.of("name")),
        Aggregate.duplicateKeyCount("duplicate_keys", List.of(Identifier.of("id"))),
        Aggregate.duplicateKeyCount("duplicate_id_name", List.of(Identifier.of("id"), Identifier.of("name"))));

    AggregateResult atOne = warehouse.aggregate(source, 1, checks);
    AggregateResult atThree = warehouse.aggregate(source, 3, checks);

    assertThat(atOne.getLong("row_count")).hasValue(3);
    assertThat(atOne.getLong("null_name")).hasValue(0);
    assertThat(atOne.getLong("duplicate_keys")).hasValue(0);
    assertThat(atThree.getLong("row_count")).hasValue(4);
    assertThat(atThree.getLong("null_name")).hasValue(1);
    assertThat(atThree.getLong("duplicate_keys")).hasValue(1);
    assertThat(atThree.getLong("duplicate_id_name")).hasValue(0);
  }

  @Test
  void givenAPolicyMetricNamingAnEnvironmentVariableWhenAggregatedOnASessionThatSubstitutesThenTheTextStaysText() {
    try (HikariDataSource substituting = WarehouseConnectionPool.open(new WarehouseProperties(
        LocalStackExtension.settings().lakehouseJdbcUrl(), null, null, Duration.ofMinutes(2), 1, Duration.ofSeconds(30),
        false))) {
      JdbcWarehouse exposed = new JdbcWarehouse(substituting, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(2));
      Aggregate leak = Aggregate.metric("leak",
          SqlExpression.parse("MAX(instr('${system:user.home}|${env:PATH}', '$'))"));

      AggregateResult result = exposed.aggregate(source, 1, List.of(leak));

      assertThat(result.getLong("leak")).as("'$' is the first character only if nothing was substituted").hasValue(1);
    }
  }

  @Test
  void givenTheServicesSessionSettingsWhenAStatementNamesAVariableThenTheServerSubstitutesNothing() throws Exception {
    String text = "SELECT '${system:user.home}' AS home";
    try (HikariDataSource substituting = WarehouseConnectionPool.open(new WarehouseProperties(
            LocalStackExtension.settings().lakehouseJdbcUrl(), null, null, Duration.ofMinutes(2), 1, Duration.ofSeconds(30),
            false));
        var defaultSession = substituting.getConnection();
        var servicesSession = pool.getConnection();
        var onDefault = defaultSession.createStatement().executeQuery(text);
        var onServices = servicesSession.createStatement().executeQuery(text)) {
      onDefault.next();
      onServices.next();

      assertThat(onDefault.getString(1)).as("the server's default substitutes").doesNotContain("${");
      assertThat(onServices.getString(1)).isEqualTo("${system:user.home}");
    }
  }

  @Test
  void givenANewTargetWhenClonedWithPropertiesThenOneCommitMakesAShallowCloneOfThatVersionWithThem() {
    TableName target = TableName.parse(prod + ".clone_new");
    Map<String, String> lineage = lineage(1);

    CloneResult result = warehouse.clone(CloneRequest.shallow(source, 1, target, lineage));

    assertThat(result.commits()).isEqualTo(1);
    HistoryEntry clone = warehouse.history(target, 1).get(0);
    assertThat(clone.version()).isEqualTo(result.targetVersion());
    assertThat(clone.operation()).isEqualTo("CLONE");
    assertThat(clone.operationParameters()).containsEntry("sourceVersion", "1");
    assertThat(clone.operationParameters().get("source")).endsWith(source.toString());
    assertThat(warehouse.properties(target)).containsAllEntriesOf(lineage);
    assertThat(lakehouse.count(target.toString())).isEqualTo(3);
  }

  @Test
  void givenANonEmptyTargetOnOpenSourceDeltaWhenClonedAgainThenItIsEmptiedFirstAndHoldsTheNewVersion() {
    TableName target = TableName.parse(prod + ".clone_again");
    warehouse.clone(CloneRequest.shallow(source, 1, target, lineage(1)));

    CloneResult again = warehouse.clone(CloneRequest.shallow(source, 3, target, Map.of("promoted_version", "3")));

    assertThat(again.commits()).isEqualTo(2);
    assertThat(warehouse.history(target, 3)).extracting(HistoryEntry::operation).containsExactly("CLONE", "DELETE", "CLONE");
    assertThat(lakehouse.count(target.toString())).isEqualTo(4);
    assertThat(warehouse.properties(target)).containsEntry("promoted_version", "3");
  }

  @Test
  void givenANonEmptyTargetWhenTheCloneFailsAfterEmptyingItThenTheTargetIsRestoredAsItWas() {
    TableName target = TableName.parse(prod + ".clone_fails");
    warehouse.clone(CloneRequest.shallow(source, 1, target, lineage(1)));

    assertThatThrownBy(() -> warehouse.clone(CloneRequest.shallow(source, 99, target, Map.of())))
        .isInstanceOf(WarehouseException.VersionNotFound.class);

    assertThat(lakehouse.count(target.toString())).isEqualTo(3);
    assertThat(warehouse.properties(target)).containsEntry("promoted_version", "1");
    assertThat(warehouse.history(target, 1).get(0).operation()).isEqualTo("RESTORE");
  }

  @Test
  void givenANoteWhenClonedOntoANonEmptyTargetThenBothCommitsCarryItAndTheVersionBeforeIsReported() {
    TableName target = TableName.parse(prod + ".clone_noted");
    CloneResult first = warehouse.clone(new CloneRequest(source, 1, target, CloneType.SHALLOW, lineage(1),
        new CommitNote(CommitNote.Action.PROMOTE, "p-1")));

    CloneResult second = warehouse.clone(new CloneRequest(source, 3, target, CloneType.SHALLOW, lineage(3),
        new CommitNote(CommitNote.Action.PROMOTE, "p-2")));

    assertThat(first.versionBefore()).isNull();
    assertThat(second.versionBefore()).isEqualTo(first.targetVersion());
    assertThat(warehouse.history(target, 3)).extracting(HistoryEntry::userMetadata).containsExactly(
        "delta-promotion:promote:p-2", "delta-promotion:empty-before-clone:p-2", "delta-promotion:promote:p-1");
    lakehouse.execute("INSERT INTO " + target + " VALUES (9, 'unnoted', 0.1)");
    assertThat(warehouse.history(target, 1).get(0).userMetadata()).isNull();
  }

  @Test
  void givenATargetEmptiedForACloneThatNeverCameWhenClonedThenItIsNotEmptiedAgainAndItsDataBeforeIsReported() {
    TableName target = TableName.parse(prod + ".clone_interrupted");
    CloneResult first = warehouse.clone(CloneRequest.shallow(source, 1, target, lineage(1)));
    lakehouse.execute("SET " + CommitNotes.SETTING + "=delta-promotion:empty-before-clone:p-lost",
        "DELETE FROM " + target);

    CloneResult again = warehouse.clone(new CloneRequest(source, 3, target, CloneType.SHALLOW, lineage(3),
        new CommitNote(CommitNote.Action.PROMOTE, "p-lost")));

    assertThat(again.commits()).isEqualTo(1);
    assertThat(again.versionBefore()).isEqualTo(first.targetVersion());
    assertThat(warehouse.history(target, 3)).extracting(HistoryEntry::operation).containsExactly("CLONE", "DELETE", "CLONE");
    assertThat(lakehouse.count(target.toString())).isEqualTo(4);
  }

  @Test
  void givenASchemaWithATableNamedOutsideTheGrammarWhenListedThenTheOthersAreListedAndItIsRefusedApart() {
    String schema = Lakehouse.freshSchema("it_names");
    lakehouse.execute("CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".orders (id INT) USING delta",
        "CREATE TABLE " + schema + ".`2024_x` (id INT) USING delta");

    SchemaTables listed = warehouse.tablesIn(SchemaName.parse(schema));

    assertThat(listed.tables()).containsExactly(TableName.parse(schema + ".orders"));
    assertThat(listed.refused()).singleElement().satisfies(refused -> {
      assertThat(refused.name()).isEqualTo("2024_x");
      assertThat(refused.reason()).contains("2024_x");
    });
  }

  @Test
  void givenAWarehouseThatDoesNotAnswerWhenAStatementRunsThenItIsAnOutageNotARefusal() {
    try (HikariDataSource nowhere = WarehouseConnectionPool.open(new WarehouseProperties(
        "jdbc:hive2://127.0.0.1:" + closedPort() + "/default", null, null, Duration.ofMinutes(1), 1, Duration.ofSeconds(2), true))) {
      JdbcWarehouse unreachable = new JdbcWarehouse(nowhere, WarehouseDialect.OPEN_SOURCE_DELTA, Duration.ofMinutes(1));

      assertThatThrownBy(() -> unreachable.history(source, 1))
          .isInstanceOf(WarehouseUnavailableException.class)
          .isNotInstanceOf(WarehouseException.class)
          .hasMessageContaining("cannot connect to the warehouse");
    }
  }

  @Test
  void givenATargetThatIsNotADeltaTable_whenClonedOnto_thenItIsRefusedAndLeftAsItWas() {
    TableName target = TableName.parse(prod + ".legacy_parquet");
    lakehouse.execute("CREATE TABLE " + target + " USING parquet AS SELECT 7 AS id");

    assertThatThrownBy(() -> warehouse.clone(CloneRequest.shallow(source, 1, target, lineage(1))))
        .isInstanceOf(WarehouseException.class)
        .isNotInstanceOf(WarehouseException.TableNotFound.class)
        .hasMessageContaining("only supported for Delta tables");
    assertThat(lakehouse.count(target.toString())).as("its rows, as they were").isEqualTo(1);
  }

  @Test
  void givenOpenSourceDeltaWhenADeepCloneIsRequestedThenItIsRefusedByNameAndNothingIsWritten() {
    TableName target = TableName.parse(prod + ".deep");

    assertThatThrownBy(() -> warehouse.clone(new CloneRequest(source, 1, target, CloneType.DEEP, Map.of())))
        .isInstanceOf(WarehouseException.Unsupported.class)
        .hasMessageContaining("DEEP CLONE is Databricks-only");
    assertThat(warehouse.tableExists(target)).isFalse();
  }

  @Test
  void givenHostileTextInPropertyValuesAndCommentsWhenWrittenThenItIsStoredVerbatim() {
    TableName target = TableName.parse(prod + ".hostile_text");
    String hostile = "it's \\ ; -- x'); DROP TABLE " + source + "; /* \"q\" */ \t tab \u00e9\u4e2d\ud83d\ude00 ${env:HOME}";
    warehouse.clone(CloneRequest.shallow(source, 1, target, Map.of("release_tag", hostile)));

    warehouse.setTableComment(target, hostile);
    warehouse.setColumnComment(target, Identifier.of("name"), "the author's name");

    assertThat(warehouse.properties(target)).containsEntry("release_tag", hostile);
    assertThat(lakehouse.rows("DESCRIBE TABLE EXTENDED " + target))
        .anySatisfy(row -> assertThat(row).containsExactly("Comment", hostile, ""));
    long latest = warehouse.history(target, 1).get(0).version();
    assertThat(warehouse.schemaAt(target, latest).column("name")).get()
        .extracting(Column::comment).isEqualTo("the author's name");
    assertThat(warehouse.tableExists(source)).isTrue();
  }

  @Test
  void givenNoRecordTableWhenEnsuredAndTheSameRowAppendedTwiceThenSchemaAndTableAreCreatedAndTheRowIsWrittenOnce() {
    RecordTable records = recordTable(TableName.parse(Lakehouse.freshSchema("it_meta") + ".quality_reports"));
    String hostile = "{\"message\": \"it's \\ ; -- x'); DROP TABLE " + source + "; \u00e9\n\"}";
    Instant checkedAt = Instant.parse("2026-11-21T10:15:30.123Z");
    Map<String, Object> row = Map.of("event_id", "e-1", "table_version", 42L, "report_json", hostile, "checked_at", checkedAt);

    warehouse.ensureRecordTable(records);
    warehouse.ensureRecordTable(records);
    boolean first = warehouse.appendOnce(records, row);
    boolean second = warehouse.appendOnce(records, row);
    warehouse.appendOnce(records, Map.of("event_id", "e-2"));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(lakehouse.rows("SELECT event_id, table_version, report_json, CAST(checked_at AS STRING) FROM " + records.name()
        + " ORDER BY event_id")).containsExactly(
            List.of("e-1", "42", hostile, "2026-11-21 10:15:30.123"), Arrays.asList("e-2", null, null, null));
    assertThat(lakehouse.rows("DESCRIBE TABLE " + records.name()))
        .anySatisfy(column -> assertThat(column).containsExactly("event_id", "string", "the event's id"));
  }

  @Test
  void givenAnExistingTableLackingRecordColumnsWhenEnsuredThenTheErrorNamesThemAndTheStatementThatAddsThem() {
    TableName existing = TableName.parse(prod + ".old_quality_reports");
    lakehouse.execute("CREATE TABLE " + existing + " (event_id STRING, notes STRING) USING delta");

    assertThatThrownBy(() -> warehouse.ensureRecordTable(recordTable(existing)))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("lacks the column(s) [table_version, report_json, checked_at]")
        .hasMessageContaining("ALTER TABLE `" + prod + "`.`old_quality_reports` ADD COLUMNS (`table_version` BIGINT, "
            + "`report_json` STRING, `checked_at` TIMESTAMP)");
  }

  @Test
  void givenATableKeptNewest_whenRowsOfOneKeyArriveOutOfOrderAndTwice_thenItHoldsTheNewestOnce() {
    RecordTable latest = new RecordTable(TableName.parse(Lakehouse.freshSchema("it_meta") + ".table_registry"), "newest per table",
        List.of(RecordColumn.of("table_name", RecordColumn.Type.STRING, null),
            RecordColumn.of("last_promoted_version", RecordColumn.Type.BIGINT, null),
            RecordColumn.of("last_promoted_at", RecordColumn.Type.TIMESTAMP, null)),
        Identifier.of("table_name"), Identifier.of("last_promoted_at"));
    Map<String, Object> v5 = Map.of("table_name", "pp.orders", "last_promoted_version", 5L,
        "last_promoted_at", Instant.parse("2026-11-21T10:00:00Z"));
    Map<String, Object> v4 = Map.of("table_name", "pp.orders", "last_promoted_version", 4L,
        "last_promoted_at", Instant.parse("2026-11-21T09:00:00Z"));
    warehouse.ensureRecordTable(latest);

    boolean first = warehouse.appendOnce(latest, v4);
    boolean newer = warehouse.appendOnce(latest, v5);
    boolean older = warehouse.appendOnce(latest, v4);
    boolean again = warehouse.appendOnce(latest, v5);

    assertThat(List.of(first, newer, older, again)).containsExactly(true, true, false, false);
    assertThat(lakehouse.rows("SELECT table_name, last_promoted_version FROM " + latest.name()))
        .containsExactly(List.of("pp.orders", "5"));
  }

  private static RecordTable recordTable(TableName name) {
    return new RecordTable(name, "test records", List.of(RecordColumn.of("event_id", RecordColumn.Type.STRING, "the event's id"),
        RecordColumn.of("table_version", RecordColumn.Type.BIGINT, null), RecordColumn.of("report_json", RecordColumn.Type.STRING, null),
        RecordColumn.of("checked_at", RecordColumn.Type.TIMESTAMP, null)), Identifier.of("event_id"));
  }

  @Test
  void givenAClonedTableWhenRestoredToItsFirstVersionThenDataAndPropertiesAreThoseOfThatVersion() {
    TableName target = TableName.parse(prod + ".restored");
    long first = warehouse.clone(CloneRequest.shallow(source, 1, target, lineage(1))).targetVersion();
    warehouse.clone(CloneRequest.shallow(source, 3, target, lineage(3)));

    long afterRestore = warehouse.restore(target, first);

    assertThat(afterRestore).isGreaterThan(first);
    assertThat(lakehouse.count(target.toString())).isEqualTo(3);
    assertThat(warehouse.properties(target)).containsEntry("promoted_version", "1");
    assertThat(warehouse.history(target, 1).get(0).operation()).isEqualTo("RESTORE");
  }

  @Test
  void givenATableCommentChangedLater_whenClonedAtAVersionWithThatVersionsComment_thenTheCloneHasItAndTheColumnComments() {
    TableName commented = TableName.parse(preprod + ".commented");
    TableName target = TableName.parse(prod + ".commented");
    lakehouse.execute(
        "CREATE TABLE " + commented + " (id BIGINT COMMENT 'the key') USING delta COMMENT 'first words'",
        "INSERT INTO " + commented + " VALUES (1)",
        "COMMENT ON TABLE " + commented + " IS 'later words'");
    Map<String, String> properties = lineage(1);
    warehouse.tableCommentAt(commented, 1).ifPresent(comment -> properties.put("comment", comment));

    warehouse.clone(CloneRequest.shallow(commented, 1, target, properties));

    assertThat(warehouse.tableCommentAt(commented, 1)).contains("first words");
    assertThat(warehouse.tableCommentAt(commented, 2)).contains("later words");
    assertThat(warehouse.history(target, 1).get(0).operation()).as("one commit").isEqualTo("CLONE");
    long cloned = warehouse.history(target, 1).get(0).version();
    assertThat(warehouse.tableCommentAt(target, cloned)).contains("first words");
    assertThat(lakehouse.rows("DESCRIBE TABLE EXTENDED " + target)).as("what Spark shows")
        .anySatisfy(row -> assertThat(row).startsWith("Comment", "first words"));
    assertThat(warehouse.schemaAt(target, cloned).columns()).extracting(Column::comment).containsExactly("the key");
    assertThat(warehouse.tableCommentAt(source, 1)).isEmpty();
  }

  @Test
  void givenOldCommitsCleanedUpWhenTheSchemaIsReadThenItComesFromTheCheckpoint() throws Exception {
    TableName table = TableName.parse(preprod + ".checkpointed");
    lakehouse.execute(
        "CREATE TABLE " + table + " (id BIGINT NOT NULL) USING delta TBLPROPERTIES ('delta.checkpointInterval' = '2')",
        "INSERT INTO " + table + " VALUES (1)",
        "INSERT INTO " + table + " VALUES (2)",
        "INSERT INTO " + table + " VALUES (3)");
    Path log = Path.of(java.net.URI.create(lakehouse.rows("DESCRIBE DETAIL " + table).get(0).get(4) + "/_delta_log"));
    try (Stream<Path> commits = Files.list(log)) {
      commits.filter(file -> file.getFileName().toString().matches("0{19}[01]\\.json")).forEach(file -> file.toFile().delete());
    }

    assertThat(warehouse.schemaAt(table, 3).columns()).containsExactly(new Column("id", "bigint", false, null));
  }

  private Map<String, String> lineage(long version) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("promoted_from", source.toString());
    properties.put("promoted_version", String.valueOf(version));
    properties.put("release_tag", "2025Q4_R1");
    return properties;
  }
}
