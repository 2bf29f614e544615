package io.deltapromotion.demo;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.PromotionStatus;
import io.deltapromotion.events.TableChanged;
import io.deltapromotion.registry.RegistryEntry;
import io.deltapromotion.registry.RegistryReader;
import io.deltapromotion.registry.RegistryTable;
import io.deltapromotion.schemas.topics.Principal;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.LocalStack;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The project's main job on the local stack: three pre-prod tables get new versions (a clean one, one
 * with an additive schema change, one with duplicate keys); the services detect, audit, promote and
 * announce them; the registry is rebuilt from the topics and printed. Each run adds new versions, so it
 * can run any number of times.
 */
public final class Demo {

  static final String PREPROD = "demo_pp";
  static final String PROD = "demo_pr";
  static final String REPORTS = "dap_meta.quality_reports";
  static final int WEBHOOK_PORT = 8099;
  /** The demo reads the topics as the operators' tools do. */
  private static final String OPERATOR_TOOLS = Principal.OPERATOR_TOOLS.id();
  private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(4);

  private final StackSettings settings;
  private final Lakehouse lakehouse;
  private final List<String> problems = new ArrayList<>();

  Demo(StackSettings settings) {
    this.settings = settings;
    this.lakehouse = new Lakehouse(settings.lakehouseJdbcUrl());
  }

  /** The second instance of each service listens this far above the first one's port. */
  private static final int SECOND_INSTANCES_PORT_OFFSET = 100;

  /** The demo's table policy: keys, a custom check and a release tag. */
  private static final String POLICY = """
      tables:
        - match: %1$s.orders
          key-columns: [order_id]
          checks:
            - name: positive_amount
              condition: amount > 0
        - match: %1$s.customers
          key-columns: [customer_id]
        - match: %1$s.payments
          key-columns: [payment_id]
      releases:
        demo: [%1$s.*]
      """.formatted(PREPROD);

  public static void main(String[] args) throws IOException {
    Path repository = StackSettings.findRepository(Path.of(""));
    StackSettings settings = StackSettings.resolve(repository, repository.resolve(".stack"));
    try {
      System.exit(new Demo(settings).run());
    } catch (RuntimeException e) {
      System.err.println("bin/demo failed: " + e.getMessage());
      System.exit(1);
    }
  }

  int run() throws IOException {
    LocalStack stack = new LocalStack(settings, System.out);
    step("Starting the local stack (Kafka, schema registry, lakehouse)");
    stack.up(Component.servers(), null, Duration.ofMinutes(4));
    String token = OperatorToken.loadOrCreate(settings.runDirectory());
    try (WebhookInbox inbox = new WebhookInbox(WEBHOOK_PORT); TraceCollector traces = new TraceCollector(0)) {
      ServiceConfiguration.Receivers receivers = new ServiceConfiguration.Receivers(inbox.url(), inbox.lineageUrl(),
          traces.url());
      ServiceConfiguration.write(settings, PREPROD, PROD, List.of(), POLICY, token, receivers, REPORTS);
      step("Starting two instances of each of the four pipeline services (detector polls " + PREPROD
          + ".* every 2 s), each table owned by one instance of each, and registry-service");
      stack.up(Component.services(), null, Duration.ofMinutes(3));
      checkTokenInForce(token);
      StackSettings secondSettings = settings.withServices(settings.runDirectory().resolve("second-instances"),
          settings.port(Component.DETECTOR) + SECOND_INSTANCES_PORT_OFFSET);
      ServiceConfiguration.write(secondSettings, PREPROD, PROD, List.of(), POLICY, token, receivers, REPORTS);
      LocalStack secondInstances = new LocalStack(secondSettings, System.out);
      secondInstances.up(Component.pipelineServices(), ProcessHandle.current().pid(), Duration.ofMinutes(3));
      try (PromotionWatch watch = new PromotionWatch(settings.kafkaClient(OPERATOR_TOOLS), settings.schemaRegistryUrl())) {
        step("Writing new versions of three pre-prod tables");
        lakehouse.execute("CREATE SCHEMA IF NOT EXISTS " + PREPROD, "CREATE SCHEMA IF NOT EXISTS " + PROD);
        long orders = DemoTables.writeOrders(lakehouse);
        long customers = DemoTables.writeCustomers(lakehouse);
        long payments = DemoTables.writePaymentsWithDuplicateKeys(lakehouse);
        expect(watch, "orders", orders, PromotionStatus.PROMOTED);
        expect(watch, "customers", customers, PromotionStatus.PROMOTED);
        expect(watch, "payments", payments, PromotionStatus.BLOCKED);

        step("Adding a column to " + PREPROD + ".customers (an additive schema change)");
        long evolved = DemoTables.addCustomerColumn(lakehouse);
        expect(watch, "customers", evolved, PromotionStatus.PROMOTED);
        watch.change(PREPROD + ".customers", evolved).map(TableChanged::getChangeCategory)
            .filter(category -> !category.name().equals("SCHEMA_CHANGE"))
            .ifPresent(category -> problems.add("customers version " + evolved + " was classified " + category
                + ", not SCHEMA_CHANGE"));
        showArchivedReports(watch, Map.of("orders", orders, "customers", customers, "payments", payments));
        showTrace(watch, traces, PREPROD + ".orders", orders);
        showRegistryService(Map.of(PREPROD + ".orders", orders, PREPROD + ".customers", evolved));
      }
      step("Alerts the notifiers posted to the demo webhook (" + inbox.url() + "), each once");
      inbox.messages().forEach(message -> System.out.println("  " + message));
      step("Promotion runs the notifiers posted to the demo OpenLineage endpoint (" + inbox.lineageUrl()
          + "/api/v1/lineage), each once");
      inbox.lineageEvents().stream().map(LineageEvent::parse).forEach(event -> System.out.println("  " + event));
      step("Stopping the second instances (by PID); the first ones take their tables over and keep running");
      secondInstances.down(Component.pipelineServices());
    }
    step("The registry, rebuilt from the topics");
    Map<String, Object> operatorTools = new HashMap<>(settings.kafkaClient(OPERATOR_TOOLS));
    operatorTools.put("schema.registry.url", settings.schemaRegistryUrl());
    List<RegistryEntry> entries = new RegistryReader(operatorTools, Duration.ofMinutes(2)).read().entries().stream()
        .filter(entry -> entry.sourceTable().startsWith(PREPROD + "."))
        .toList();
    System.out.print(RegistryTable.format(entries));
    printNextSteps();
    if (!problems.isEmpty()) {
      System.err.println("\nThe demo did not go as expected:");
      problems.forEach(problem -> System.err.println("  - " + problem));
      return 1;
    }
    return 0;
  }

  private void expect(PromotionWatch watch, String table, long version, PromotionStatus expected) {
    PromotionDone done = watch.awaitOutcome(PREPROD + "." + table, version, OUTCOME_TIMEOUT);
    String category = watch.change(PREPROD + "." + table, version).map(change -> change.getChangeCategory().name()).orElse("?");
    System.out.printf("  %-20s v%-3d %-14s -> %-9s%s%n", PREPROD + "." + table, version, category, done.getStatus(),
        done.getError() == null ? "" : "  (" + done.getError() + ")");
    if (done.getStatus() != expected) {
      problems.add(table + " version " + version + " ended " + done.getStatus() + ", expected " + expected);
    }
  }

  /**
   * Waits until qc-service has copied this run's reports (of the versions it wrote, from the first one
   * of each table) into the report table, and prints them.
   */
  /** The spans of the version's trace the services exported, by service and name: one trace from the poll to the alert. */
  private void showTrace(PromotionWatch watch, TraceCollector traces, String table, long version) {
    watch.poll();
    PromotionDone last = watch.outcomes(table, version).stream().reduce((first, second) -> second).orElseThrow();
    String traceId = watch.traceId(last).orElse(null);
    if (traceId == null) {
      problems.add("the last PromotionDone of " + table + " version " + version + " carries no trace context");
      return;
    }
    step("The trace of " + table + " version " + version + " (" + traceId + "), as the services exported it over OTLP");
    Set<String> expected = Set.of("detector-service", "qc-service", "promoter-service", "notifier-service");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!traces.spans(traceId).stream().map(TraceCollector.ReceivedSpan::service).collect(Collectors.toSet())
        .containsAll(expected)) {
      if (Instant.now().isAfter(deadline)) {
        problems.add("the trace of " + table + " version " + version + " did not reach all of " + expected + " within 30 s");
        break;
      }
      pause(Duration.ofMillis(500));
    }
    traces.spans(traceId).stream().collect(Collectors.groupingBy(TraceCollector.ReceivedSpan::service, TreeMap::new,
            Collectors.groupingBy(TraceCollector.ReceivedSpan::name, TreeMap::new, Collectors.counting())))
        .forEach((service, counts) -> System.out.println("  " + service + ": " + counts.entrySet().stream()
            .map(name -> name.getKey() + (name.getValue() > 1 ? " x" + name.getValue() : ""))
            .collect(Collectors.joining(", "))));
  }

  private void showArchivedReports(PromotionWatch watch, Map<String, Long> firstVersions) {
    step("QC reports, as qc-service also appended them to " + REPORTS);
    watch.poll();
    List<String> eventIds = firstVersions.entrySet().stream()
        .flatMap(first -> watch.reports(PREPROD + "." + first.getKey()).stream()
            .filter(report -> report.getVersion() != null && report.getVersion() >= first.getValue()))
        .map(report -> "'" + report.getEnvelope().getEventId() + "'")
        .distinct()
        .toList();
    String thisRun = " FROM " + REPORTS + " WHERE event_id IN (" + String.join(", ", eventIds) + ")";
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!lakehouse.column("SELECT COUNT(*)" + thisRun).get(0).equals(Integer.toString(eventIds.size()))) {
      if (Instant.now().isAfter(deadline)) {
        problems.add("the report table " + REPORTS + " did not get this run's " + eventIds.size() + " reports within a minute");
        return;
      }
      pause(Duration.ofMillis(500));
    }
    lakehouse.column("SELECT concat_ws('  ', rpad(table_name, 20, ' '), rpad(concat('v', table_version), 4, ' '), status, "
            + "CAST(checked_at AS STRING))" + thisRun + " ORDER BY checked_at")
        .forEach(row -> System.out.println("  " + row));
  }

  /** registry-service follows the same topics: it must hold what was just promoted, in the stage prod. */
  private void showRegistryService(Map<String, Long> promoted) {
    String endpoint = settings.endpoint(Component.REGISTRY);
    step("What registry-service (" + endpoint + ") says prod holds");
    Map<String, Long> held = new RegistryServiceView(endpoint).awaitHeld("prod", promoted, Duration.ofMinutes(1));
    promoted.forEach((table, version) -> {
      Long holding = held.get(table);
      System.out.printf("  %-20s v%s%n", table, holding == null ? "-" : holding);
      if (holding == null || holding < version) {
        problems.add("registry-service says prod holds " + table + " v" + holding + ", not v" + version + " or later");
      }
    });
  }

  /**
   * A promoter started by an earlier run keeps the token it started with; the token file must be that one,
   * or {@code bin/promotion} would be refused.
   */
  private void checkTokenInForce(String token) {
    URI uri = URI.create(settings.endpoint(Component.PROMOTER) + "/api/v1/commands/rebaseline");
    try {
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        problems.add("the running promoter answers HTTP " + status + " to the token in " + settings.runDirectory()
            .resolve(OperatorToken.FILE_NAME) + " (it was started with another one): run bin/stack down services, "
            + "then bin/demo");
      }
    } catch (IOException e) {
      problems.add("cannot ask the promoter at " + uri + " whether it accepts the operator token: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the promoter", e);
    }
  }

  private void printNextSteps() {
    Path run = settings.runDirectory();
    System.out.println();
    System.out.println("Where to look next:");
    System.out.println("  topics     delta-promotion.table-changed, .qc-completed, .promotion-done and");
    System.out.println("             delta-promotion.dead-letter.<service> on " + settings.kafkaBootstrapServers()
        + ", as the principal");
    System.out.println("             of " + settings.kafkaClientConfigFile(OPERATOR_TOOLS) + " (Kafka's --command-config)");
    System.out.println("  prod       SELECT * FROM " + PROD + ".orders; SHOW TBLPROPERTIES " + PROD + ".orders  ("
        + settings.lakehouseJdbcUrl() + ")");
    System.out.println("  logs       " + run + "/<service>/<service>.log, or bin/stack logs services");
    System.out.println("  reports    SELECT * FROM " + REPORTS + " ORDER BY checked_at DESC");
    System.out.println("  dashboard  " + settings.endpoint(Component.REGISTRY) + "/  (the ladder per table, approvals, "
        + "incidents, live)");
    System.out.println("  API        " + settings.endpoint(Component.REGISTRY) + "/api/v1/tables  (and "
        + "/v3/api-docs for the rest)");
    System.out.println("  operate    bin/promotion rollback --table " + PREPROD + ".orders --stage prod  (bin/promotion "
        + "--help; its token is the demo's, in " + run.resolve(OperatorToken.FILE_NAME) + ")");
    System.out.println("  registry   bin/registry");
    System.out.println("  again      bin/demo (each run writes new versions)");
    System.out.println("  stop       bin/stack down (the services, then the servers, by PID)");
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  private static void step(String title) {
    System.out.println();
    System.out.println("== " + title);
  }
}
