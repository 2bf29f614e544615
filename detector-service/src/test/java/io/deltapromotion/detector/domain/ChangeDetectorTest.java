package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.UnsupportedWarehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import io.deltapromotion.policy.PolicyFileReader;
import io.deltapromotion.policy.TablePolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The announce-once rules, with the warehouse replaced by a table of histories: these tests are about
 * which versions get announced, not about SQL (the end-to-end test runs the real lakehouse).
 */
class ChangeDetectorTest {

  private static final TableName SOURCE = TableName.parse("pp.orders");
  private static final TableName TARGET = TableName.parse("pr.orders");

  private final Histories warehouse = new Histories();
  private final AnnouncedVersions announced = new AnnouncedVersions();
  private final List<Detection> published = new ArrayList<>();
  private final List<SchemaTables.RefusedName> skipped = new ArrayList<>();
  private final RefusedTables refused = new RefusedTables();
  private final ChangeAnnouncer announcer = new ChangeAnnouncer() {
    @Override
    public void announce(Detection detection) {
      published.add(detection);
      announced.record(detection); // what the real announcer's read-back from the topic does
    }

    @Override
    public void skipped(SchemaTables.RefusedName table) {
      skipped.add(table);
    }
  };
  private final TablePolicies policies = PolicyFileReader.read("policy.yaml", """
      tables:
        - match: pp.orders
          key-columns: [id]
      releases:
        r1: [pp.orders]
      """);
  private final ChangeDetector detector = detector(announced);

  private ChangeDetector detector(AnnouncedVersions announcedVersions) {
    return new ChangeDetector(warehouse, List.of(WatchedTables.table(SOURCE, TARGET)), policies, announcedVersions,
        refused, announcer, 10, Runnable::run);
  }

  @Test
  void givenANewVersionWhenTwoCyclesRunThenItIsAnnouncedOnce() {
    warehouse.commit(SOURCE, 0, "CREATE TABLE AS SELECT");

    detector.runCycle();
    detector.runCycle();

    assertThat(published).extracting(Detection::version, Detection::category).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0L, ChangeCategory.NEW_TABLE));
    assertThat(published.get(0).keyColumns()).containsExactly(Identifier.of("id"));
    assertThat(published.get(0).releaseTag()).isEqualTo("r1");
    assertThat(published.get(0).fromPipeline()).isFalse();
    assertThat(published.get(0).sourceComment()).as("read with the version's schema, to be carried")
        .contains("the comment of " + SOURCE + " at version 0");
  }

  @Test
  void givenTablesSplitBetweenTwoDetectors_whenBothPoll_thenEachTableIsReadAndAnnouncedOnlyByItsOwner() {
    TableName refunds = TableName.parse("pp.refunds");
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.commit(refunds, 0, "WRITE");
    List<WatchedTables> both = List.of(WatchedTables.schema(SchemaName.parse("pp"), SchemaName.parse("pr")));
    TableOwnership ordersOnly = key -> key.equals(SOURCE.toString());
    TableOwnership allButOrders = key -> !ordersOnly.ownsKey(key);
    ChangeDetector first = new ChangeDetector(warehouse, both, policies, announced, refused, announcer, 10, Runnable::run,
        ordersOnly);
    ChangeDetector second = new ChangeDetector(warehouse, both, policies, announced, refused, announcer, 10, Runnable::run,
        allButOrders);

    first.runCycle();
    List<TableName> readByTheFirst = List.copyOf(warehouse.historiesRead);
    second.runCycle();

    assertThat(readByTheFirst).containsOnly(SOURCE);
    assertThat(published).extracting(detection -> detection.mapping().source()).containsExactly(SOURCE, refunds);
  }

  @Test
  void givenAnnouncementsReplayedFromTheTopicWhenTheDetectorRestartsThenKnownVersionsAreNotAnnouncedAgain() {
    warehouse.commit(SOURCE, 0, "WRITE");
    AnnouncedVersions replayed = new AnnouncedVersions();
    replayed.record(SOURCE, 0L, warehouse.timeOf(SOURCE, 0), ChangeCategory.NEW_TABLE);
    ChangeDetector restarted = detector(replayed);

    restarted.runCycle();

    assertThat(published).isEmpty();
  }

  @Test
  void givenATableRecreatedWithTheSameVersionNumberWhenDetectedThenItIsAnnouncedAsNew() {
    warehouse.commit(SOURCE, 0, "WRITE");
    detector.runCycle();
    warehouse.recreate(SOURCE);
    warehouse.commit(SOURCE, 0, "WRITE");

    detector.runCycle();

    assertThat(published).hasSize(2);
  }

  @Test
  void givenAMissingSourceWhenCyclesRunThenItIsAnnouncedOnceUntilItReappears() {
    detector.runCycle();
    detector.runCycle();
    warehouse.commit(SOURCE, 0, "WRITE");
    detector.runCycle();

    assertThat(published).extracting(Detection::category)
        .containsExactly(ChangeCategory.MISSING_SOURCE, ChangeCategory.NEW_TABLE);
    assertThat(published.get(0).sourceComment()).as("no version, no comment").isEmpty();
  }

  @Test
  void givenAWarehouseErrorOnOneTableWhenACycleRunsThenItIsRetriedNextCycle() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.failing = true;
    CycleOutcome failed = detector.runCycle();
    warehouse.failing = false;
    CycleOutcome retried = detector.runCycle();

    assertThat(failed.failedReads()).isEqualTo(1);
    assertThat(retried.failedReads()).isZero();
    assertThat(published).hasSize(1);
  }

  @Test
  void givenAWatchedSchemaWithATableNamedOutsideTheGrammar_whenPolled_thenTheOthersAreAnnouncedAndItIsReportedOnce() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.outsideTheGrammar.add("2024_x");
    ChangeDetector schemaWatcher = new ChangeDetector(warehouse, List.of(WatchedTables.schema(SchemaName.parse("pp"),
        SchemaName.parse("pr"))), policies, announced, refused, announcer, 10, Runnable::run);

    CycleOutcome first = schemaWatcher.runCycle();
    warehouse.commit(SOURCE, 1, "WRITE");
    schemaWatcher.runCycle();

    assertThat(first.failedReads()).isZero();
    assertThat(published).extracting(Detection::version).containsExactly(0L, 1L);
    assertThat(skipped).singleElement().satisfies(table -> {
      assertThat(table.name()).isEqualTo("2024_x");
      assertThat(table.schema()).isEqualTo(SchemaName.parse("pp"));
    });
  }

  @Test
  void givenTheWarehouseUnreachable_whenACycleRuns_thenItSaysItIsAnOutageAndAnnouncesNothing() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.unreachable = true;

    CycleOutcome outcome = detector.runCycle();

    assertThat(outcome.failedReads()).isEqualTo(1);
    assertThat(outcome.outage()).contains("cannot connect to the warehouse");
    assertThat(published).isEmpty();
  }

  @Test
  void givenAPipelineCommit_whenReceived_thenItIsAnnouncedAtOnceAndThePollDoesNotRepeatIt() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.commit(SOURCE, 1, "MERGE");

    Optional<Detection> announcedNow = detector.onPipelineCommit(commit("e-1", 1L, "hotfix_7"));
    detector.runCycle();

    assertThat(announcedNow).isPresent();
    assertThat(published).singleElement().satisfies(detection -> {
      assertThat(detection.version()).isEqualTo(1);
      assertThat(detection.operation()).isEqualTo("MERGE");
      assertThat(detection.releaseTag()).isEqualTo("hotfix_7");
      assertThat(detection.pipelineRun()).isEqualTo("silver_orders/run-42#e-1");
    });
  }

  @Test
  void givenTheSamePipelineCommitTwice_whenReceived_thenItIsAnnouncedOnce() {
    warehouse.commit(SOURCE, 0, "WRITE");

    detector.onPipelineCommit(commit("e-1", 0L, null));
    Optional<Detection> again = detector.onPipelineCommit(commit("e-1", 0L, null));

    assertThat(again).isEmpty();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).releaseTag()).as("the policy's release").isEqualTo("r1");
  }

  @Test
  void givenACommitWithoutVersion_whenReceived_thenTheLatestIsAnnounced_andAnOlderOneLaterIsIgnored() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.commit(SOURCE, 1, "WRITE");

    detector.onPipelineCommit(commit("e-1", null, null));
    Optional<Detection> stale = detector.onPipelineCommit(commit("e-2", 0L, null));

    assertThat(published).extracting(Detection::version).containsExactly(1L);
    assertThat(stale).isEmpty();
  }

  @Test
  void givenCommitsNamingWhatDoesNotExist_whenReceived_thenEachIsRejectedWithTheReason() {
    warehouse.commit(SOURCE, 0, "WRITE");

    assertThatThrownBy(() -> detector.onPipelineCommit(commit("e-1", 5L, null)))
        .isInstanceOf(RejectedEventException.class).hasMessage("table pp.orders has no version 5 (its latest is 0)");
    assertThatThrownBy(() -> detector.onPipelineCommit(new PipelineCommit("e-2", TableName.parse("pp.other"), 0L, null,
        "p", "r")))
        .isInstanceOf(RejectedEventException.class).hasMessageContaining("is not watched");
    warehouse.recreate(SOURCE);
    assertThatThrownBy(() -> detector.onPipelineCommit(commit("e-3", 0L, null)))
        .isInstanceOf(RejectedEventException.class).hasMessage("table pp.orders does not exist");
    assertThat(published).isEmpty();
  }

  @Test
  void givenMalformedCommitFields_whenBuilt_thenTheyAreRefused() {
    assertThatThrownBy(() -> new PipelineCommit("id with spaces", SOURCE, 0L, null, "p", "r"))
        .hasMessageStartingWith("eventId must be");
    assertThatThrownBy(() -> new PipelineCommit("e", SOURCE, -1L, null, "p", "r")).hasMessageContaining("version");
    assertThatThrownBy(() -> new PipelineCommit("e", SOURCE, 0L, "bad tag!", "p", "r")).hasMessageStartingWith("releaseTag");
    assertThatThrownBy(() -> new PipelineCommit("e", SOURCE, 0L, null, null, "r")).hasMessage("pipeline is missing");
  }

  private static PipelineCommit commit(String eventId, Long version, String releaseTag) {
    return new PipelineCommit(eventId, SOURCE, version, releaseTag, "silver_orders", "run-42");
  }

  /** Just enough of a warehouse to hold table histories. */
  private static final class Histories extends UnsupportedWarehouse {
    private final Map<TableName, List<HistoryEntry>> tables = new HashMap<>();
    private int generation;
    boolean failing;
    boolean unreachable;
    final List<String> outsideTheGrammar = new ArrayList<>();
    final List<TableName> historiesRead = new ArrayList<>();

    void commit(TableName table, long version, String operation) {
      tables.computeIfAbsent(table, t -> new ArrayList<>())
          .add(0, new HistoryEntry(version, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version + 1000L * generation),
              operation, Map.of()));
    }

    Instant timeOf(TableName table, long version) {
      return tables.get(table).stream().filter(entry -> entry.version() == version).findFirst().orElseThrow().timestamp();
    }

    void recreate(TableName table) {
      tables.remove(table);
      generation++;
    }

    @Override
    public boolean tableExists(TableName table) {
      return tables.containsKey(table);
    }

    @Override
    public SchemaTables tablesIn(SchemaName schema) {
      return new SchemaTables(tables.keySet().stream().filter(table -> table.schema().equals(schema.schema())).toList(),
          outsideTheGrammar.stream().map(name -> new SchemaTables.RefusedName(schema, name, "name '" + name
              + "' starts with a digit")).toList());
    }

    @Override
    public List<HistoryEntry> history(TableName table, int limit) {
      historiesRead.add(table);
      if (unreachable) {
        throw new WarehouseUnavailableException("cannot connect to the warehouse: Connection refused", null);
      }
      if (failing) {
        throw new WarehouseException("[DELTA_TABLE_NOT_FOUND] refused", null, null);
      }
      List<HistoryEntry> history = tables.get(table);
      if (history == null) {
        throw new WarehouseException.TableNotFound("no table " + table, null, null);
      }
      return history.subList(0, Math.min(limit, history.size()));
    }

    @Override
    public List<String> columnNamesAt(TableName table, long version) {
      return List.of("id");
    }

    @Override
    public TableSchema schemaAt(TableName table, long version) {
      return new TableSchema(List.of(new Column("id", "bigint", true, null)));
    }

    @Override
    public java.util.Optional<String> tableCommentAt(TableName table, long version) {
      return java.util.Optional.of("the comment of " + table + " at version " + version);
    }

    @Override
    public Map<String, String> properties(TableName table) {
      if (!tables.containsKey(table)) {
        throw new WarehouseException.TableNotFound("[TABLE_OR_VIEW_NOT_FOUND] " + table, "42P01", null);
      }
      return Map.of();
    }
  }
}
