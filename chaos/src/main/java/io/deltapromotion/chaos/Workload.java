package io.deltapromotion.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What upstream pipelines do to the pre-prod tables: create them, then commit new versions batch after
 * batch. Every tenth table repeats a key (its versions fail QC), every tenth adds a column before its
 * rows (schema changes), every tenth lives in a schema no poll reads, so only its pipeline's commit events
 * (sent over the detector's HTTP intake, retried like a pipeline would) announce it. A few tables form
 * the release {@value #RELEASE}.
 */
final class Workload implements AutoCloseable {

  static final String PREPROD = "chaos_pp";
  static final String PIPED_PREPROD = "chaos_piped_pp";
  static final String[] PROD = {"chaos_pr", "chaos_piped_pr"};
  static final String[] LIVE = {"chaos_live", "chaos_piped_live"};
  static final String RELEASE = "chaos_r1";
  static final int RELEASE_TABLES = 4;
  private static final int WRITERS = 3;
  private static final Duration PIPELINE_RETRY = Duration.ofMinutes(15);

  /** One pre-prod table and what the workload does to it. */
  record Table(String name, boolean pipelineOnly, boolean repeatsKeys, boolean changesSchema, boolean released) {

    String schema() {
      return pipelineOnly ? PIPED_PREPROD : PREPROD;
    }

    String qualified() {
      return schema() + "." + name;
    }
  }

  private final Sessions sessions;
  private final URI intake;
  private final String token;
  private final List<Table> tables = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int batch;

  Workload(String jdbcUrl, URI detector, String token, int count) {
    this.sessions = new Sessions(jdbcUrl);
    this.intake = URI.create(detector + "/api/v1/pipeline-commits");
    this.token = token;
    for (int index = 0; index < count; index++) {
      boolean pipelineOnly = index % 10 == 9;
      tables.add(new Table((pipelineOnly ? "p" : "t") + String.format("%03d", index), pipelineOnly, index % 10 == 3,
          index % 10 == 7, index < RELEASE_TABLES * 10 && index % 10 == 1));
    }
  }

  List<Table> tables() {
    return List.copyOf(tables);
  }

  /** The schemas of every stage, and the tables with their first version (20 rows). */
  void create() {
    List<String> schemas = new ArrayList<>(List.of(PREPROD, PIPED_PREPROD));
    schemas.addAll(List.of(PROD));
    schemas.addAll(List.of(LIVE));
    for (String schema : schemas) {
      execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
    inParallel(tables, table -> execute("CREATE TABLE " + table.qualified()
        + " USING delta AS SELECT id, concat('row ', id) AS label FROM range(0, 20)"));
    announcePipelineCommits(tables);
  }

  /**
   * Commits one new version of each table given (a row, after a new column for those that change their
   * schema, and a repeated key for those that fail QC), and announces the pipeline-only ones.
   */
  void commit(List<Table> which) {
    int number = ++batch;
    inParallel(which, table -> {
      if (table.changesSchema()) {
        execute("ALTER TABLE " + table.qualified() + " ADD COLUMNS (batch_" + number + " STRING)");
      }
      long id = table.repeatsKeys() ? 0 : 1_000L * number;
      execute("INSERT INTO " + table.qualified() + " (id, label) VALUES (" + id + ", 'batch " + number + "')");
    });
    announcePipelineCommits(which);
  }

  /** Creates a schema of tables to rebaseline from, each with an id column. */
  void createBaseline(String schema, List<String> names) {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    names.forEach(name -> execute("CREATE TABLE " + schema + "." + name + " USING delta AS SELECT id FROM range(0, 5)"));
  }

  /** Creates a table whose name is outside the promotion's grammar in the polled schema. */
  void createBadlyNamedTable(String name) {
    execute("CREATE TABLE " + PREPROD + ".`" + name + "` (id BIGINT) USING delta");
  }

  /** Each table's newest version, as the warehouse says. */
  long latestVersion(Table table) {
    return Long.parseLong(query("DESCRIBE HISTORY " + table.qualified() + " LIMIT 1", "version").get(0));
  }

  /** A target table's history: each commit's operation and the note its writer left (userMetadata). */
  List<String[]> history(String table) {
    try {
      return sessions.run(connection -> {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE HISTORY " + table)) {
          List<String[]> commits = new ArrayList<>();
          while (rows.next()) {
            commits.add(new String[] {rows.getString("version"), rows.getString("operation"), rows.getString("userMetadata")});
          }
          return commits;
        }
      });
    } catch (SQLException e) {
      if (e.getMessage() != null && (e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND") || e.getMessage().contains("not found"))) {
        return List.of();
      }
      throw new IllegalStateException("reading the history of " + table + " failed: " + e.getMessage(), e);
    }
  }

  private void announcePipelineCommits(List<Table> which) {
    for (Table table : which) {
      if (table.pipelineOnly()) {
        announce(table);
      }
    }
  }

  /** Tells the detector about the table's latest commit, retrying as a pipeline does while it cannot. */
  private void announce(Table table) {
    String body = "{\"table\": \"" + table.qualified() + "\", \"pipeline\": \"chaos\", \"runId\": \"batch-" + batch + "\"}";
    Instant deadline = Instant.now().plus(PIPELINE_RETRY);
    while (true) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(intake).timeout(Duration.ofMinutes(3))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 202) {
          return;
        }
        if (answer.statusCode() != 503) {
          throw new IllegalStateException("the detector refused the commit of " + table.qualified() + ": HTTP "
              + answer.statusCode() + " " + answer.body());
        }
      } catch (IOException unreachable) {
        // the detector is down or restarting: a pipeline tries again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the detector did not accept the commit of " + table.qualified() + " for "
            + PIPELINE_RETRY.toMinutes() + " minutes");
      }
      Pause.of(Duration.ofSeconds(3));
    }
  }

  private interface TableWork {
    void run(Table table);
  }

  private void inParallel(List<Table> which, TableWork work) {
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Table table : which) {
        done.add(writers.submit(() -> work.run(table)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the workload failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      writers.shutdownNow();
    }
  }

  /**
   * A pipeline's statement: retried while the lakehouse is down (the workload goes on through outages).
   * A statement whose answer was lost may have run: a column it added is then there already, which its
   * retry accepts.
   */
  private void execute(String sql) {
    Instant deadline = Instant.now().plus(PIPELINE_RETRY);
    boolean answerLost = false;
    while (true) {
      try {
        sessions.run(connection -> {
          try (Statement statement = connection.createStatement()) {
            return statement.execute(sql);
          }
        });
        return;
      } catch (SQLException e) {
        if (answerLost && String.valueOf(e.getMessage()).contains("FIELDS_ALREADY_EXISTS")) {
          return;
        }
        if (!unanswered(e) || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("lakehouse statement failed: " + sql + ": " + e.getMessage(), e);
        }
        answerLost = true;
        Pause.of(Duration.ofSeconds(3));
      }
    }
  }

  /**
   * The lakehouse did not answer: a connection error (SQLSTATE class 08), or a socket or Thrift transport
   * failure underneath (a lakehouse stopped in the middle of a statement closes the socket).
   */
  private static boolean unanswered(SQLException e) {
    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof IOException || cause.getClass().getSimpleName().equals("TTransportException")
          || String.valueOf(cause.getMessage()).contains("Socket is closed")) {
        return true;
      }
    }
    return false;
  }

  private List<String> query(String sql, String column) {
    try {
      return sessions.run(connection -> {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
          List<String> values = new ArrayList<>();
          while (rows.next()) {
            values.add(rows.getString(column));
          }
          return values;
        }
      });
    } catch (SQLException e) {
      throw new IllegalStateException("lakehouse query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    sessions.close();
  }
}
