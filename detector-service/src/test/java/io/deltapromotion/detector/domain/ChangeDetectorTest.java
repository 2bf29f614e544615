package io.deltapromotion.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final ChangeDetector detector = new ChangeDetector(warehouse,
      List.of(WatchedTables.table(SOURCE, TARGET, Map.of("orders", List.of(Identifier.of("id"))), "r1")),
      announced, published::add, 10);

  @Test
  void givenANewVersionWhenTwoCyclesRunThenItIsAnnouncedOnce() {
    warehouse.commit(SOURCE, 0, "CREATE TABLE AS SELECT");

    detector.runCycle();
    detector.runCycle();

    assertThat(published).extracting(Detection::version, Detection::category).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0L, ChangeCategory.NEW_TABLE));
    assertThat(published.get(0).mapping().keyColumns()).containsExactly(Identifier.of("id"));
  }

  @Test
  void givenAnnouncementsReplayedFromTheTopicWhenTheDetectorRestartsThenKnownVersionsAreNotAnnouncedAgain() {
    warehouse.commit(SOURCE, 0, "WRITE");
    AnnouncedVersions replayed = new AnnouncedVersions();
    replayed.record(SOURCE, 0L, warehouse.timeOf(SOURCE, 0), ChangeCategory.NEW_TABLE);
    ChangeDetector restarted = new ChangeDetector(warehouse,
        List.of(WatchedTables.table(SOURCE, TARGET, Map.of(), null)), replayed, published::add, 10);

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
  }

  @Test
  void givenAWarehouseErrorOnOneTableWhenACycleRunsThenItIsRetriedNextCycle() {
    warehouse.commit(SOURCE, 0, "WRITE");
    warehouse.failing = true;
    detector.runCycle();
    warehouse.failing = false;
    detector.runCycle();

    assertThat(published).hasSize(1);
  }

  /** Just enough of a warehouse to hold table histories. */
  private static final class Histories implements Warehouse {
    private final Map<TableName, List<HistoryEntry>> tables = new HashMap<>();
    private int generation;
    boolean failing;

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
    public List<TableName> tablesIn(SchemaName schema) {
      return tables.keySet().stream().filter(table -> table.schema().equals(schema.schema())).toList();
    }

    @Override
    public List<HistoryEntry> history(TableName table, int limit) {
      if (failing) {
        throw new WarehouseException("connection refused", null, null);
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
    public AggregateResult aggregate(TableName table, long version, List<Aggregate> aggregates) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CloneResult clone(CloneRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setTableComment(TableName table, String comment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setColumnComment(TableName table, Identifier column, String comment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> properties(TableName table) {
      return Map.of();
    }

    @Override
    public long restore(TableName table, long version) {
      throw new UnsupportedOperationException();
    }
  }
}
