package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.infrastructure.warehouse.Aggregate;
import io.deltapromotion.infrastructure.warehouse.AggregateResult;
import io.deltapromotion.infrastructure.warehouse.CloneRequest;
import io.deltapromotion.infrastructure.warehouse.CloneResult;
import io.deltapromotion.infrastructure.warehouse.CloneType;
import io.deltapromotion.infrastructure.warehouse.Column;
import io.deltapromotion.infrastructure.warehouse.CommitNote;
import io.deltapromotion.infrastructure.warehouse.HistoryEntry;
import io.deltapromotion.infrastructure.warehouse.RecordColumn;
import io.deltapromotion.infrastructure.warehouse.RecordTable;
import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.InvalidIdentifierException;
import io.deltapromotion.infrastructure.warehouse.SchemaTables;
import io.deltapromotion.infrastructure.warehouse.SchemaName;
import io.deltapromotion.infrastructure.warehouse.TableName;
import io.deltapromotion.infrastructure.warehouse.TableSchema;
import io.deltapromotion.infrastructure.warehouse.VersionMetadata;
import io.deltapromotion.infrastructure.warehouse.Warehouse;
import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WriteGuard;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Warehouse} over JDBC: Spark SQL with Delta Lake on the local lakehouse (Spark Thrift Server),
 * Databricks SQL in production. Identifiers are always backtick-quoted from validated names; the only
 * free text (comments, property values) goes in as escaped string literals.
 *
 * <p>Timestamps are read as UTC: keep the warehouse session time zone at UTC (Databricks' default; the
 * local lakehouse sets it).
 */
public final class JdbcWarehouse implements Warehouse {

  private static final Logger log = LoggerFactory.getLogger(JdbcWarehouse.class);
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendLiteral('Z').optionalEnd()
      .toFormatter();

  private final DataSource dataSource;
  private final WarehouseDialect dialect;
  private final Duration statementTimeout;
  private final WriteGuard guard;
  private final StatementTimer timer;
  private final DeltaLogReader logReader = new DeltaLogReader();
  private final CommitNotes notes = new CommitNotes();

  /**
   * @param statementTimeout the longest any one statement may run; zero for no limit
   */
  public JdbcWarehouse(DataSource dataSource, WarehouseDialect dialect, Duration statementTimeout) {
    this(dataSource, dialect, statementTimeout, WriteGuard.NONE);
  }

  /** @param guard asked before every statement that writes a table */
  public JdbcWarehouse(DataSource dataSource, WarehouseDialect dialect, Duration statementTimeout, WriteGuard guard) {
    this(dataSource, dialect, statementTimeout, guard, StatementTimer.NONE);
  }

  /** @param timer told how long each statement took */
  public JdbcWarehouse(DataSource dataSource, WarehouseDialect dialect, Duration statementTimeout, WriteGuard guard,
      StatementTimer timer) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.statementTimeout = statementTimeout;
    this.guard = guard;
    this.timer = timer;
  }

  public WarehouseDialect dialect() {
    return dialect;
  }

  @Override
  public boolean tableExists(TableName table) {
    try (JdbcSession session = open()) {
      return exists(session, table);
    }
  }

  @Override
  public SchemaTables tablesIn(SchemaName schema) {
    List<String> names;
    try (JdbcSession session = open()) {
      names = session.query("list the tables of " + schema, "SHOW TABLES IN " + schema.quoted(),
              row -> row.getBoolean("isTemporary") ? null : row.getString("tableName"))
          .stream().filter(Objects::nonNull).sorted().toList();
    } catch (WarehouseException.TableNotFound schemaMissing) {
      return SchemaTables.none();
    }
    List<TableName> tables = new ArrayList<>();
    List<SchemaTables.RefusedName> refused = new ArrayList<>();
    for (String name : names) {
      try {
        tables.add(schema.table(name));
      } catch (InvalidIdentifierException outsideTheGrammar) {
        refused.add(new SchemaTables.RefusedName(schema, name, outsideTheGrammar.getMessage()));
      }
    }
    return new SchemaTables(tables, refused);
  }

  @Override
  public List<HistoryEntry> history(TableName table, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1: " + limit);
    }
    try (JdbcSession session = open()) {
      return history(session, table, limit);
    }
  }

  @Override
  public List<String> columnNamesAt(TableName table, long version) {
    requireVersion(version);
    try (JdbcSession session = open()) {
      return columnNamesAt(session, table, version);
    }
  }

  @Override
  public TableSchema schemaAt(TableName table, long version) {
    return metadataAt(table, version).schema();
  }

  /** One read of the version's log for both (after its column names, which the schema read is checked against). */
  @Override
  public VersionMetadata metadataAt(TableName table, long version) {
    requireVersion(version);
    try (JdbcSession session = open()) {
      List<String> columnsAtVersion = columnNamesAt(session, table, version);
      DeltaLogReader.MetaData metaData = logReader.metaDataAt(session, table, version);
      TableSchema schema = DeltaSchemaJson.parse(metaData.schemaString());
      List<String> fromLog = schema.columns().stream().map(Column::name).toList();
      if (!sameNames(fromLog, columnsAtVersion)) {
        throw new WarehouseException("the Delta log of " + table + " gives columns " + fromLog + " at version " + version
            + " but the table reads as " + columnsAtVersion, null, null);
      }
      return new VersionMetadata(schema, comment(metaData));
    }
  }

  @Override
  public long readEveryFile(TableName table, Long version) {
    if (version != null) {
      requireVersion(version);
    }
    // Projecting only a file metadata column keeps Delta from answering from its statistics (as it does a
    // plain COUNT(*)), yet reads no rows: every file is opened for its footer.
    String sql = "SELECT count(DISTINCT _metadata.file_path) FROM " + table.quoted()
        + (version == null ? "" : " VERSION AS OF " + version);
    try (JdbcSession session = open()) {
      return session.query("read every file of " + table + (version == null ? "" : " at version " + version), sql,
          row -> row.getLong(1)).get(0);
    }
  }

  @Override
  public Optional<String> tableCommentAt(TableName table, long version) {
    requireVersion(version);
    try (JdbcSession session = open()) {
      return comment(logReader.metaDataAt(session, table, version));
    }
  }

  private static Optional<String> comment(DeltaLogReader.MetaData metaData) {
    return Optional.ofNullable(metaData.description()).filter(text -> !text.isBlank());
  }

  private static List<String> columnNamesAt(JdbcSession session, TableName table, long version) {
    return columnNames(session, table, " VERSION AS OF " + version, "read the columns of " + table + " at version " + version);
  }

  private static List<String> columnNames(JdbcSession session, TableName table, String versionClause, String purpose) {
    return session.resultSet(purpose, "SELECT * FROM " + table.quoted() + versionClause + " LIMIT 0", rows -> {
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            names.add(rows.getMetaData().getColumnName(i));
          }
          return names;
        });
  }

  @Override
  public AggregateResult aggregate(TableName table, long version, List<Aggregate> aggregates) {
    requireVersion(version);
    if (aggregates.isEmpty()) {
      throw new IllegalArgumentException("an aggregate query needs at least one aggregate");
    }
    String select = aggregates.stream()
        .map(aggregate -> aggregate.expression() + " AS " + aggregate.alias().quoted())
        .collect(Collectors.joining(", "));
    String sql = "SELECT " + select + " FROM " + table.quoted() + " VERSION AS OF " + version;
    try (JdbcSession session = open()) {
      return session.query("aggregate " + table + " at version " + version, sql, row -> {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Aggregate aggregate : aggregates) {
          values.put(aggregate.alias().value(), row.getObject(aggregate.alias().value()));
        }
        return new AggregateResult(values);
      }).get(0);
    }
  }

  @Override
  public CloneResult clone(CloneRequest request) {
    if (request.type() == CloneType.DEEP && !dialect.supportsDeepClone()) {
      throw new WarehouseException.Unsupported("cannot clone " + request.source() + " to " + request.target()
          + ": DEEP CLONE is Databricks-only; open-source Delta Lake has only SHALLOW CLONE");
    }
    String sql = "CREATE OR REPLACE TABLE " + request.target().quoted()
        + (request.type() == CloneType.DEEP ? " DEEP CLONE " : " SHALLOW CLONE ")
        + request.source().quoted() + " VERSION AS OF " + request.version()
        + tableProperties(request.properties());
    String purpose = "clone " + request.source() + " at version " + request.version() + " to " + request.target();
    try (JdbcSession session = open()) {
      Optional<HistoryEntry> existing = newestCommit(session, request.target());
      if (existing.isEmpty()) {
        write(session, request.target(), request.note(), purpose, sql);
        return new CloneResult(newest(session, request.target()), null, 1);
      }
      HistoryEntry before = existing.get();
      if (dialect.replacesNonEmptyTableInOneClone()) {
        write(session, request.target(), request.note(), purpose, sql);
        return new CloneResult(newest(session, request.target()), before.version(), 1);
      }
      if (wasEmptiedForAClone(before)) {
        log.warn("{}: {} was emptied for a clone that never came ({}); cloning onto it, and restoring its version {}"
            + " if the clone fails", purpose, request.target(), before.userMetadata(), before.version() - 1);
        cloneOrRestore(session, request, sql, purpose, before.version() - 1);
        return new CloneResult(newest(session, request.target()), before.version() - 1, 1);
      }
      emptyThenClone(session, request, sql, purpose, before.version());
      return new CloneResult(newest(session, request.target()), before.version(), 2);
    }
  }

  /**
   * The table's newest commit; none when it does not exist (one statement: its history is the existence
   * check). A table that exists but is not a Delta table is refused, never replaced.
   */
  private Optional<HistoryEntry> newestCommit(JdbcSession session, TableName table) {
    try {
      return Optional.of(newest(session, table));
    } catch (WarehouseException.TableNotFound absent) {
      if (WarehouseErrors.isNotADeltaTable(absent)) {
        throw absent;
      }
      return Optional.empty();
    }
  }

  /** Asks the guard, then runs the statement that writes the table, marked with the note (when there is one). */
  private void write(JdbcSession session, TableName table, CommitNote note, String purpose, String sql) {
    guard.beforeWriting(table);
    notes.run(session, note, () -> session.execute(purpose, sql));
  }

  /** The newest commit is the emptying a clone starts with on open-source Delta: the clone never followed. */
  private static boolean wasEmptiedForAClone(HistoryEntry newest) {
    return newest.note().filter(note -> note.action() == CommitNote.Action.EMPTY_BEFORE_CLONE).isPresent();
  }

  /**
   * Open-source Delta refuses to clone onto a non-empty table (DELTA_UNSUPPORTED_NON_EMPTY_CLONE), so
   * the target is emptied in a first commit, marked as such ({@link CommitNote.Action#EMPTY_BEFORE_CLONE})
   * so that a crash or an outage between the two commits is recognised afterwards. If the warehouse
   * refuses the clone, the target is restored to the version it had, so a failed promotion never leaves
   * it empty.
   */
  private void emptyThenClone(JdbcSession session, CloneRequest request, String sql, String purpose, long before) {
    log.info("{}: open-source Delta cannot replace a non-empty table with a clone; emptying it first "
        + "(two commits: readers may briefly see it empty)", purpose);
    CommitNote emptying = request.note() == null ? null
        : new CommitNote(CommitNote.Action.EMPTY_BEFORE_CLONE, request.note().id());
    write(session, request.target(), emptying, "empty " + request.target() + " before cloning onto it",
        "DELETE FROM " + request.target().quoted());
    cloneOrRestore(session, request, sql, purpose, before);
  }

  private void cloneOrRestore(JdbcSession session, CloneRequest request, String sql, String purpose, long before) {
    try {
      write(session, request.target(), request.note(), purpose, sql);
    } catch (WarehouseException refused) {
      log.warn("{} failed after emptying the target; restoring it to version {}", purpose, before);
      CommitNote undo = request.note() == null ? null : new CommitNote(CommitNote.Action.UNDO, request.note().id());
      try {
        write(session, request.target(), undo, "restore " + request.target() + " after a failed clone",
            "RESTORE TABLE " + request.target().quoted() + " TO VERSION AS OF " + before);
      } catch (WarehouseException restoreFailure) {
        refused.addSuppressed(restoreFailure);
        throw new WarehouseException(refused.getMessage() + "; restoring " + request.target() + " to version " + before
            + " also failed, so it is EMPTY now: " + restoreFailure.getMessage(), refused.sqlState(), refused);
      }
      throw refused;
    }
  }

  @Override
  public void setTableComment(TableName table, String comment) {
    try (JdbcSession session = open()) {
      write(session, table, null, "set the comment of " + table,
          "COMMENT ON TABLE " + table.quoted() + " IS " + SqlLiteral.of(comment));
    }
  }

  @Override
  public void setColumnComment(TableName table, Identifier column, String comment) {
    try (JdbcSession session = open()) {
      write(session, table, null, "set the comment of " + table + "." + column,
          "ALTER TABLE " + table.quoted() + " ALTER COLUMN " + column.quoted() + " COMMENT " + SqlLiteral.of(comment));
    }
  }

  @Override
  public Map<String, String> properties(TableName table) {
    try (JdbcSession session = open()) {
      return session.resultSet("read the properties of " + table, "SHOW TBLPROPERTIES " + table.quoted(), rows -> {
        Map<String, String> properties = new LinkedHashMap<>();
        while (rows.next()) {
          properties.put(rows.getString("key"), rows.getString("value"));
        }
        return properties;
      });
    }
  }

  @Override
  public long restore(TableName table, long version, CommitNote note) {
    requireVersion(version);
    try (JdbcSession session = open()) {
      write(session, table, note, "restore " + table + " to version " + version,
          "RESTORE TABLE " + table.quoted() + " TO VERSION AS OF " + version);
      return newestVersion(session, table);
    }
  }

  @Override
  public void dropTable(TableName table) {
    try (JdbcSession session = open()) {
      write(session, table, null, "drop " + table, "DROP TABLE IF EXISTS " + table.quoted());
    }
  }

  @Override
  public void ensureRecordTable(RecordTable table) {
    try (JdbcSession session = open()) {
      if (!exists(session, table.name())) {
        session.execute("create the schema of " + table.name(), RecordTableSql.createSchema(table));
        session.execute("create " + table.name(), RecordTableSql.createTable(table));
      }
      List<RecordColumn> missing =
          RecordTableSql.missingColumns(table, columnNames(session, table.name(), "", "read the columns of " + table.name()));
      if (!missing.isEmpty()) {
        throw new WarehouseException(table.name() + " exists but lacks the column(s) "
            + missing.stream().map(column -> column.name().value()).toList() + " this service writes; add them with: "
            + RecordTableSql.addColumns(table, missing), null, null);
      }
    }
  }

  @Override
  public boolean appendOnce(RecordTable table, Map<String, Object> row) {
    String sql = RecordTableSql.mergeOnce(table, row);
    try (JdbcSession session = open()) {
      List<Long> written = session.query("append a row to " + table.name(), sql, result -> result.getLong("num_affected_rows"));
      return !written.isEmpty() && written.get(0) > 0;
    }
  }

  private boolean exists(JdbcSession session, TableName table) {
    try {
      return session.query("look for table " + table,
              "SHOW TABLES IN " + table.quotedSchema() + " LIKE " + SqlLiteral.of(table.table()),
              row -> row.getString("tableName"))
          .stream().anyMatch(name -> name.equalsIgnoreCase(table.table()));
    } catch (WarehouseException.TableNotFound schemaMissing) {
      return false;
    }
  }

  private List<HistoryEntry> history(JdbcSession session, TableName table, int limit) {
    return session.query("read the history of " + table, "DESCRIBE HISTORY " + table.quoted() + " LIMIT " + limit,
        row -> new HistoryEntry(
            row.getLong("version"),
            timestamp(row.getString("timestamp")),
            row.getString("operation"),
            OperationParameters.parse(row.getString("operationParameters")),
            row.getString("userMetadata")));
  }

  private HistoryEntry newest(JdbcSession session, TableName table) {
    return history(session, table, 1).get(0);
  }

  private long newestVersion(JdbcSession session, TableName table) {
    return newest(session, table).version();
  }

  /**
   * A session from the pool. Not getting one (the pool's connection timeout passed, the warehouse refused
   * the connection) is an outage.
   */
  private JdbcSession open() {
    try {
      return new JdbcSession(dataSource.getConnection(), statementTimeout, timer);
    } catch (SQLException e) {
      throw new WarehouseUnavailableException("cannot connect to the warehouse: " + WarehouseErrors.summary(e), e);
    }
  }

  private static String tableProperties(Map<String, String> properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return " TBLPROPERTIES (" + properties.entrySet().stream()
        .map(entry -> SqlLiteral.of(entry.getKey()) + " = " + SqlLiteral.of(entry.getValue()))
        .collect(Collectors.joining(", ")) + ")";
  }

  static Instant timestamp(String text) {
    return LocalDateTime.parse(text.strip(), TIMESTAMP).toInstant(ZoneOffset.UTC);
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    return a.size() == b.size() && IntStream.range(0, a.size()).allMatch(i -> a.get(i).equalsIgnoreCase(b.get(i)));
  }

  private static void requireVersion(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("a Delta version is never negative: " + version);
    }
  }
}
