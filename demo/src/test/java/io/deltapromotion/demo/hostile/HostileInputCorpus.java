package io.deltapromotion.demo.hostile;

import static io.deltapromotion.schemas.topics.EventTopics.DETECTOR_DEAD_LETTER;
import static io.deltapromotion.schemas.topics.EventTopics.NOTIFIER_DEAD_LETTER;
import static io.deltapromotion.schemas.topics.EventTopics.PROMOTER_DEAD_LETTER;
import static io.deltapromotion.schemas.topics.EventTopics.QC_DEAD_LETTER;

import io.deltapromotion.demo.hostile.HostileInput.AlertedAsText;
import io.deltapromotion.demo.hostile.HostileInput.Answered;
import io.deltapromotion.demo.hostile.HostileInput.DeadLettered;
import io.deltapromotion.demo.hostile.HostileInput.Http;
import io.deltapromotion.demo.hostile.HostileInput.Kafka;
import io.deltapromotion.demo.hostile.HostileInput.NotServed;
import io.deltapromotion.demo.hostile.HostileInput.Policy;
import io.deltapromotion.demo.hostile.HostileInput.PolicyAcceptedWithoutDollar;
import io.deltapromotion.demo.hostile.HostileInput.PolicyRefused;
import io.deltapromotion.events.PipelineCommitted;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The hostile-input corpus: every door into the system (the detector's pipeline intake, the promoter's
 * command intake, registry-service's queries, the topics themselves, the table policy) fed what an
 * attacker or a broken client would send, each with the handling it must get. {@code PromotionEndToEndIT}
 * runs it against the running services.
 */
public final class HostileInputCorpus {

  /** What the cases need to know of the run they are sent into. */
  public interface Run {

    /** A watched pre-prod table that exists, with a few versions. */
    String watchedTable();

    /** The bearer token of the detector's intake and of the promoter's operator. */
    String token();

    /** The Avro bytes (Confluent wire format) of a valid event as written to its own topic. */
    byte[] serialized(String topic, Object event);

    /** A valid TableChanged about the watched table, at its version 0. */
    TableChanged.Builder tableChanged();
  }

  private static final int MB = 1024 * 1024;
  private static final String PIPELINE = "/api/v1/pipeline-commits";
  private static final String APPROVE = "/api/v1/commands/approve";
  private static final String JSON = "application/json";

  private final Run run;
  private final List<HostileInput> cases = new ArrayList<>();

  private HostileInputCorpus(Run run) {
    this.run = run;
  }

  public static List<HostileInput> cases(Run run) {
    HostileInputCorpus corpus = new HostileInputCorpus(run);
    corpus.pipelineIntake();
    corpus.hostileTableNames();
    corpus.commandIntake();
    corpus.registryQueries();
    corpus.topics();
    corpus.policies();
    return List.copyOf(corpus.cases);
  }

  private void pipelineIntake() {
    String table = run.watchedTable();
    http("intake-2mb", "a 2 MB body", PIPELINE, run.token(), JSON, padded(2 * MB), false, 413, "at most 65536");
    http("intake-2mb-chunked", "a 2 MB body sent in chunks, no Content-Length", PIPELINE, run.token(), JSON,
        padded(2 * MB), true, 413, "longer than 65536 bytes");
    http("intake-text-plain", "a body sent as text/plain", PIPELINE, run.token(), "text/plain", commit(table, "0"), false,
        415, "as application/json, not text/plain");
    http("intake-no-content-type", "a body without a Content-Type", PIPELINE, run.token(), null, commit(table, "0"), false,
        415, "as application/json, not");
    http("intake-table-number", "{\"table\": 123}", PIPELINE, run.token(), JSON, "{\"table\": 123, \"version\": 0}",
        false, 400, "table name '123'");
    http("intake-version-text", "a version that is not a number", PIPELINE, run.token(), JSON,
        commit(table, "\"latest\""), false, 400, "not a valid pipeline commit");
    http("intake-json-array", "a JSON array instead of an object", PIPELINE, run.token(), JSON, "[]", false, 400,
        "not a valid pipeline commit");
    http("intake-not-json", "a body that is not JSON", PIPELINE, run.token(), JSON, "{\"table\": ", false, 400,
        "not a valid pipeline commit");
    http("intake-version-minus-1", "version -1", PIPELINE, run.token(), JSON, commit(table, "-1"), false, 400,
        "version must be 0 or more, got -1");
    http("intake-version-max", "version 2^63-1", PIPELINE, run.token(), JSON, commit(table, String.valueOf(Long.MAX_VALUE)),
        false, 422, "has no version " + Long.MAX_VALUE);
    http("intake-no-token", "no bearer token", PIPELINE, null, JSON, commit(table, "0"), false, 401, "");
    http("intake-wrong-token", "a wrong bearer token", PIPELINE, "x" + run.token(), JSON, commit(table, "0"), false, 401,
        "");
    notServed("intake-path-parameter", "a path parameter (;x=1) without a token", PIPELINE + ";x=1", null, commit(table, "0"),
        401);
    notServed("intake-double-slash", "a doubled slash (//api) without a token", "/" + PIPELINE, null, commit(table, "0"), 404);
    notServed("intake-trailing-slash", "a trailing slash without a token", PIPELINE + "/", null, commit(table, "0"), 404);
    notServed("intake-dot-segment", "a dot segment (/./) without a token", "/api/v1/./pipeline-commits", null,
        commit(table, "0"), 404);
  }

  private void hostileTableNames() {
    String schema = run.watchedTable().substring(0, run.watchedTable().indexOf('.'));
    hostileName("quote", schema + ".o'rders", "contains the character '''");
    hostileName("semicolon", schema + ".orders; DROP TABLE x", "contains the character ';'");
    hostileName("line-comment", schema + ".orders -- x", "contains the character U+0020");
    hostileName("block-comment", schema + ".orders/* x */", "contains the character '/'");
    hostileName("backticks", schema + ".`orders`", "contains the character '`'");
    hostileName("cyrillic-look-alike", schema + ".ord\u0435rs", "contains the character U+0435");
    hostileName("empty-part", schema + "..orders", "has an empty part");
    hostileName("four-parts", "a.b.c.d", "has 4 part(s)");
    hostileName("800-characters", schema + "." + "o".repeat(800), "characters");
    hostileName("nul", schema + ".orders\u0000", "contains the character U+0000");
    hostileName("newline", schema + ".orders\nDROP", "contains the character U+000A");
  }

  private void hostileName(String what, String name, String reason) {
    http("intake-name-" + what, "a table name with " + what.replace('-', ' '), PIPELINE, run.token(), JSON,
        commit(jsonString(name), "0"), false, 400, reason);
  }

  private void commandIntake() {
    http("command-2mb", "a 2 MB command", APPROVE, run.token(), JSON, padded(2 * MB), false, 413, "at most 65536");
    http("command-text-plain", "a command sent as text/plain", APPROVE, run.token(), "text/plain",
        "{\"table\": \"" + run.watchedTable() + "\"}", false, 415, "as application/json, not text/plain");
    http("command-table-number", "{\"table\": 123} as a command", APPROVE, run.token(), JSON, "{\"table\": 123}", false,
        400, "table name '123'");
    http("command-hostile-table", "a command naming a table with ';'", APPROVE, run.token(), JSON,
        "{\"table\": \"" + run.watchedTable() + "; DROP TABLE x\"}", false, 400, "';'");
    http("command-dry-run-no-value", "?dry-run with no value must be a dry run", "/api/v1/commands/approve?dry-run",
        run.token(), JSON, "{\"table\": \"" + run.watchedTable() + "\", \"stage\": \"prod\", \"version\": 999}", false, 200,
        "\"dryRun\":true");
    http("command-dry-run-maybe", "?dry-run=maybe", "/api/v1/commands/approve?dry-run=maybe", run.token(), JSON,
        "{\"table\": \"" + run.watchedTable() + "\", \"stage\": \"prod\", \"version\": 999}", false, 400,
        "dry-run is true, false");
    http("command-no-token", "a command without a token", APPROVE, null, JSON, "{\"table\": \"" + run.watchedTable() + "\"}",
        false, 401, "");
    cases.add(new HostileInput("grants-no-principal", "grants asked for without a principal",
        new Http(Component.PROMOTER, "GET", "/api/v1/commands/grants", run.token(), null, null, false),
        new Answered(400, "the parameter principal is missing")));
    cases.add(new HostileInput("grants-hostile-principal", "grants for a principal with a backtick and ';'",
        new Http(Component.PROMOTER, "GET", "/api/v1/commands/grants?principal=sp%60%3B%20DROP%20SCHEMA%20x", run.token(),
            null, null, false), new Answered(400, "is not a principal's name")));
    cases.add(new HostileInput("command-slack-control-sequences",
        "a rollback whose reason mentions <!channel> and links: escaped in the alert",
        new Http(Component.PROMOTER, "POST", "/api/v1/commands/rollback", run.token(), JSON, "{\"table\": \""
            + run.watchedTable() + "\", \"stage\": \"prod\", \"reason\": \"<!channel> see <https://evil.example/x|the fix>\"}",
            false),
        new AlertedAsText(202, "&lt;!channel&gt; see &lt;https://evil.example/x|the fix&gt;", "<!channel>")));
    notServed("command-path-parameter", "a command path with ;x=1, without a token", APPROVE + ";x=1", null,
        "{\"table\": \"" + run.watchedTable() + "\"}", 401);
  }

  private void registryQueries() {
    get("registry-hostile-table", "a table with ';' in a query path", "/api/v1/tables/" + "x.y%3B%20DROP", 400, "';'");
    cases.add(new HostileInput("registry-traversal", "a table path of ..%2F..%2F (an encoded slash, refused by the server)",
        new Http(Component.REGISTRY, "GET", "/api/v1/tables/..%2F..%2Fetc", null, null, null, false), new NotServed(400)));
    get("registry-800-characters", "an 800-character table name", "/api/v1/tables/x." + "y".repeat(800), 400, "characters");
    get("registry-bad-instant", "?at=yesterday", "/api/v1/tables?at=yesterday", 400, "at");
    get("registry-huge-page", "a page size of 100000", "/api/v1/tables/" + run.watchedTable() + "/history?size=100000", 400,
        "size is at most 500");
  }

  private void topics() {
    String changed = EventTopics.TABLE_CHANGED.name();
    kafka("topic-not-avro", "bytes that are not Avro", changed, "not avro".getBytes(StandardCharsets.UTF_8), Map.of(),
        QC_DEAD_LETTER, "is not in the Confluent wire format: the first byte is 0x6e");
    kafka("topic-unknown-schema-id", "a schema id the registry does not have", changed,
        wire(Integer.MAX_VALUE, new byte[] {2, 'x'}), Map.of(), QC_DEAD_LETTER, "schema id " + Integer.MAX_VALUE);
    kafka("topic-string-of-2gb", "a string declaring 2^31-1 bytes", changed, declaredHugeString(), Map.of(), QC_DEAD_LETTER,
        "could not be decoded");
    kafka("topic-tombstone", "a tombstone (no value)", changed, null, Map.of(), QC_DEAD_LETTER, "holds no TableChanged");
    kafka("topic-near-1mb", "a pipeline commit of almost 1 MB, its table name 900,000 characters",
        EventTopics.PIPELINE_COMMITTED.name(), run.serialized(EventTopics.PIPELINE_COMMITTED.name(), PipelineCommitted
            .newBuilder().setEventId("near-1mb").setTable("a." + "b".repeat(900_000)).setVersion(0L)
            .setPipeline("corpus").setRunId("r").build()), Map.of(), DETECTOR_DEAD_LETTER,
        "characters long; at most");
    kafka("topic-oversized-header", "a 200 KB header on bytes that are not Avro", changed,
        "not avro".getBytes(StandardCharsets.UTF_8), Map.of("x-padding", new byte[200 * 1024]), QC_DEAD_LETTER,
        "is not in the Confluent wire format");
    kafka("topic-report-as-outcome", "a QC report written to the promotion-done topic",
        EventTopics.PROMOTION_DONE.name(), reportBytes(), Map.of(), NOTIFIER_DEAD_LETTER, "carries only PromotionDone events");
    kafka("topic-announcement-as-report", "an announcement written to the qc-completed topic",
        EventTopics.QC_COMPLETED.name(), run.serialized(changed, run.tableChanged().build()), Map.of(), PROMOTER_DEAD_LETTER,
        "carries only QcCompleted events");
    tableChanged("topic-version-minus-1", "an announcement of version -1", event -> event.setSourceVersion(-1L),
        "a Delta version is never negative: -1");
    tableChanged("topic-hostile-source", "an announcement of a table with ';'",
        event -> event.setSourceTable(run.watchedTable() + "; DROP TABLE x"), "';'");
    tableChanged("topic-four-part-source", "an announcement of a four-part table name",
        event -> event.setSourceTable("a.b.c.d"), "has 4 part(s)");
    kafka("topic-pipeline-tombstone", "a tombstone on the pipeline-committed topic", EventTopics.PIPELINE_COMMITTED.name(),
        null, Map.of(), DETECTOR_DEAD_LETTER, "holds no PipelineCommitted");
  }

  private void policies() {
    refusedCheck("policy-secret", "secret('scope', 'key') = 'x'", "function 'secret'");
    refusedCheck("policy-reflect", "reflect('java.lang.Runtime', 'getRuntime') IS NULL", "'reflect'");
    refusedCheck("policy-java-method", "java_method('java.lang.System', 'getenv', 'HOME') = 'x'", "'java_method'");
    refusedCheck("policy-raise-error", "raise_error('stop') IS NULL", "function 'raise_error'");
    refusedCheck("policy-ai-query", "ai_query('model', name) = 'x'", "function 'ai_query'");
    refusedCheck("policy-http-request", "http_request('GET', 'http://x') IS NULL", "function 'http_request'");
    refusedCheck("policy-raw-string", "r'\\\\' = name OR (SELECT 1) = 1", "raw string");
    refusedCheck("policy-quoted-function", "`reflect`('java.lang.Runtime', 'x') IS NULL", "quoted name `reflect`");
    refusedCheck("policy-look-alike", "rеflect('java.lang.Runtime', 'x') IS NULL", "U+0435");
    refusedCheck("policy-statement", "amount > 0; DROP TABLE x", "';'");
    refusedCheck("policy-comment", "amount > 0 -- hidden", "a comment");
    refusedCheck("policy-subquery", "(SELECT MAX(id) FROM other.t) > 0", "'SELECT'");
    cases.add(new HostileInput("policy-env-substitution",
        "a metric reading ${env:SECRET} one character at a time stays a literal", new Policy("""
        tables:
          - match: a.b
            checks:
              - name: hostile
                metric: MAX(ascii(substr('${env:SECRET}', 1, 1)))
                min: 0
        """), new PolicyAcceptedWithoutDollar()));
    cases.add(new HostileInput("policy-hostile-key-column", "a key column with ';'",
        new Policy("tables:\n  - match: a.b\n    key-columns: [\"id; DROP TABLE x\"]\n"),
        new PolicyRefused(3, "tables[0].key-columns[0]", "';'")));
    cases.add(new HostileInput("policy-hostile-match", "a table pattern with a quote",
        new Policy("tables:\n  - match: a.b'c\n"), new PolicyRefused(2, "tables[0].match", "'''")));
  }

  private void refusedCheck(String id, String condition, String reason) {
    cases.add(new HostileInput(id, "a check calling " + condition, new Policy(policyWith("condition: " + yamlString(condition))),
        new PolicyRefused(5, "tables[0].checks[0].condition", reason)));
  }

  private static String policyWith(String check) {
    return """
        tables:
          - match: a.b
            checks:
              - name: hostile
                %s
        """.formatted(check);
  }

  private void http(String id, String covers, String path, String token, String contentType, String body, boolean chunked,
      int status, String reason) {
    Component service = path.startsWith("/api/v1/commands") ? Component.PROMOTER : Component.DETECTOR;
    cases.add(new HostileInput(id, covers, new Http(service, "POST", path, token, contentType, body, chunked),
        new Answered(status, reason)));
  }

  private void notServed(String id, String covers, String path, String token, String body, int status) {
    Component service = path.contains("/api/v1/commands") ? Component.PROMOTER : Component.DETECTOR;
    cases.add(new HostileInput(id, covers, new Http(service, "POST", path, token, JSON, body, false), new NotServed(status)));
  }

  private void get(String id, String covers, String path, int status, String reason) {
    cases.add(new HostileInput(id, covers, new Http(Component.REGISTRY, "GET", path, null, null, null, false),
        new Answered(status, reason)));
  }

  private void kafka(String id, String covers, String topic, byte[] value, Map<String, byte[]> headers,
      io.deltapromotion.schemas.topics.DeadLetterTopic deadLetters, String reason) {
    cases.add(new HostileInput(id, covers, new Kafka(topic, value, headers), new DeadLettered(deadLetters, reason)));
  }

  private void tableChanged(String id, String covers, UnaryOperator<TableChanged.Builder> edit, String reason) {
    kafka(id, covers, EventTopics.TABLE_CHANGED.name(),
        run.serialized(EventTopics.TABLE_CHANGED.name(), edit.apply(run.tableChanged()).build()), Map.of(), QC_DEAD_LETTER,
        reason);
  }

  private byte[] reportBytes() {
    return run.serialized(EventTopics.QC_COMPLETED.name(), io.deltapromotion.events.QcCompleted.newBuilder()
        .setEnvelope(run.tableChanged().getEnvelope()).setTable(run.watchedTable()).setVersion(0L)
        .setTargetTable("x.y").setTargetEnvironment("prod").setStatus(io.deltapromotion.events.QcStatus.PASS)
        .setChecks(List.of()).setRowCount(0L).setDurationMillis(1L).build());
  }

  /** Magic byte, schema id, then the Avro body. */
  private static byte[] wire(int schemaId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
  }

  /** A TableChanged's wire bytes whose first string (the event id) claims 2^31-1 bytes and has three. */
  private byte[] declaredHugeString() {
    byte[] valid = run.serialized(EventTopics.TABLE_CHANGED.name(), run.tableChanged().build());
    int schemaId = ByteBuffer.wrap(valid, 1, 4).getInt();
    long zigzag = ((long) Integer.MAX_VALUE) << 1;
    ByteBuffer body = ByteBuffer.allocate(16);
    while ((zigzag & ~0x7FL) != 0) {
      body.put((byte) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    body.put((byte) zigzag).put("abc".getBytes(StandardCharsets.US_ASCII));
    byte[] bytes = new byte[body.position()];
    body.flip().get(bytes);
    return wire(schemaId, bytes);
  }

  private static String commit(String table, String version) {
    String quoted = table.startsWith("\"") ? table : "\"" + table + "\"";
    return "{\"eventId\": \"corpus\", \"table\": " + quoted + ", \"version\": " + version
        + ", \"pipeline\": \"corpus\", \"runId\": \"r\"}";
  }

  private static String padded(int bytes) {
    return "{\"table\": \"" + "a".repeat(bytes) + "\"}";
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static String yamlString(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
