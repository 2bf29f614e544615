package io.deltapromotion.chaos;

import io.deltapromotion.events.TableChanged;
import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of the suite: its stack and services, the workload, the record of the topics and the alerts,
 * and what scenarios use to inject their faults and wait for the system to settle.
 */
final class ChaosRun implements AutoCloseable {

  /** The judge reads every topic and looks at every consumer group: it connects as the broker's super user. */
  private static final String JUDGE = StackSettings.KAFKA_SUPER_USER;

  private final ChaosStack stack;
  private final Workload workload;
  private final AlertCounter alerts;
  private final PrintStream log;
  private final Duration settleTimeout;
  private final String token = UUID.randomUUID() + "-" + UUID.randomUUID();
  private final Set<String> badOnPurpose = new HashSet<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Instant started = Instant.now();
  private TopicRecorder recorder;
  private Instant healedAt;

  ChaosRun(Path repository, Path runDirectory, int portBase, int tables, Duration settleTimeout, PrintStream log)
      throws IOException {
    this.stack = new ChaosStack(repository, runDirectory, portBase, log);
    this.log = log;
    this.settleTimeout = settleTimeout;
    this.alerts = new AlertCounter();
    this.workload = new Workload(stack.settings().lakehouseJdbcUrl(), URI.create(stack.settings().endpoint(Component.DETECTOR)),
        token, tables);
  }

  /** A clean stack, the services, the tables, and the first versions of every table promoted. */
  void prepare() throws IOException {
    stack.stop(Component.values());
    deleteRecursively(stack.settings().runDirectory());
    say("starting the stack under " + stack.settings().runDirectory());
    stack.start(ChaosStack.SERVERS.toArray(Component[]::new));
    ServiceSettings.write(stack, workload.tables(), token, alerts.url());
    stack.start(Component.DETECTOR, Component.QC, Component.PROMOTER, Component.NOTIFIER);
    recorder = new TopicRecorder(stack.settings().kafkaClient(JUDGE), stack.settings().schemaRegistryUrl());
    say("creating " + workload.tables().size() + " pre-prod tables");
    workload.create();
    awaitSettled(workload.tables(), Instant.EPOCH);
  }

  ChaosStack stack() {
    return stack;
  }

  Workload workload() {
    return workload;
  }

  /** Marks the moment the fault ended: recovery is counted from here. */
  void healed() {
    healedAt = Instant.now();
  }

  /** A key of bad input the scenario sends on purpose: its dead letter is expected. */
  void badOnPurpose(String key) {
    badOnPurpose.add(key);
  }

  void say(String line) {
    log.printf("chaos %4ds: %s%n", Duration.between(started, Instant.now()).toSeconds(), line);
  }

  /** Commits a batch in the background, so that faults can strike while it is written and processed. */
  CompletableFuture<Void> commitInBackground(List<Workload.Table> tables) {
    return CompletableFuture.runAsync(() -> workload.commit(tables));
  }

  /** Waits for the condition, checking every half second, at most the timeout; false if it never held. */
  boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
    return awaitCondition(condition, timeout, Duration.ofMillis(500));
  }

  private boolean awaitCondition(BooleanSupplier condition, Duration timeout, Duration every) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Pause.of(every);
    }
    return false;
  }

  /**
   * Runs that many instances of the service (starting the missing ones, stopping the highest-numbered
   * extra ones), the first always among them.
   */
  void scale(Component service, int instances) {
    for (int instance = 1; instance <= ChaosStack.EXTRA_INSTANCES; instance++) {
      boolean runs = stack.running(service).contains(instance);
      if (instance < instances && !runs) {
        say("starting " + service.id() + " #" + instance);
        stack.start(instance, service);
      } else if (instance >= instances && runs) {
        say("stopping " + service.id() + " #" + instance);
        stack.stop(instance, service);
      }
    }
  }

  /** Rewrites the promoters' settings with that soak time before prod, and restarts every running promoter. */
  void soakBeforeProd(Duration soak) {
    ServiceSettings.write(stack, workload.tables(), token, alerts.url(), soak);
    for (int instance : stack.running(Component.PROMOTER)) {
      stack.stop(instance, Component.PROMOTER);
      stack.start(instance, Component.PROMOTER);
    }
  }

  /**
   * Waits until one of the running instances of the component writes a line containing the text after now;
   * returns which one, or -1 when none did in time.
   */
  int awaitLogLineOfAnyInstance(Component component, String text, Duration timeout) {
    Map<Integer, Long> from = new HashMap<>();
    stack.running(component).forEach(instance -> from.put(instance, size(stack.log(component, instance))));
    int[] found = {-1};
    awaitCondition(() -> {
      for (Map.Entry<Integer, Long> instance : from.entrySet()) {
        if (read(stack.log(component, instance.getKey()), instance.getValue()).contains(text)) {
          found[0] = instance.getKey();
          return true;
        }
      }
      return false;
    }, timeout);
    return found[0];
  }

  long logSize(Component component, int instance) {
    return size(stack.log(component, instance));
  }

  /** Whether the instance's log has a line containing the text after the given size. */
  boolean loggedSince(Component component, int instance, long from, String text) {
    return read(stack.log(component, instance), from).contains(text);
  }

  /** What the instance logged after the given size. */
  String logSince(Component component, int instance, long from) {
    return read(stack.log(component, instance), from);
  }

  /** Waits until a line containing the text is written to the component's log after now. */
  boolean awaitLogLine(Component component, String text, Duration timeout) {
    long from = size(stack.log(component));
    return awaitCondition(() -> read(stack.log(component), from).contains(text), timeout);
  }

  /** Waits until an announcement, report or outcome (by event class) newer than the moment is on the topics. */
  boolean awaitEvent(Class<?> type, Instant since, Duration timeout) {
    return awaitCondition(() -> recorder.all().stream().anyMatch(record -> type.isInstance(record.event())
        && !record.at().isBefore(since)), timeout);
  }

  /** An operator's order to the promoter (e.g. promote a release), as bin/promotion sends it. */
  int order(String command, String json) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.settings().endpoint(Component.PROMOTER)
              + "/api/v1/commands/" + command)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      say(command + " answered " + answer.statusCode() + ": " + answer.body());
      return answer.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deletes the consumer groups (their committed offsets) of stopped services. */
  void deleteConsumerGroups(String... groups) {
    try (Admin admin = admin()) {
      admin.deleteConsumerGroups(List.of(groups)).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("could not delete consumer groups " + List.of(groups) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until every table of the batch has its newest version announced, every version announced since
   * the moment is audited and has its outcome into the first written stage, no consumer group lags and
   * every service is healthy; then judges.
   */
  Outcome judge(String scenario, Instant since, Collection<Workload.Table> batch, Map<Workload.Table, Long> committed) {
    boolean settled = awaitSettled(batch, since, committed);
    Outcome outcome = new Outcome(scenario);
    Judgement judgement = new Judgement(recorder.all(), since);
    outcome.versions = judgement.announced().size();
    outcome.announcedTwice = judgement.announcedTwice();
    List<String> unfinished = judgement.unfinished();
    outcome.lost = unfinished.size();
    outcome.duplicated = judgement.duplicated();
    outcome.repairs = judgement.repairs();
    List<String> deadLettered = judgement.deadLetteredValid(badOnPurpose);
    outcome.deadLetteredValid = deadLettered.size();
    List<String> twice = Judgement.alertedTwice(alerts.deliveries(), since);
    outcome.alertedTwice = twice.size();
    List<String> lagging = lagging();
    List<String> sick = sickServices();
    outcome.stuck = settled ? 0 : lagging.size() + sick.size();
    outcome.recovery = settled ? Duration.between(healedAt == null ? since : healedAt, Instant.now()) : null;
    unfinished.stream().limit(10).forEach(problem -> outcome.problems.add("lost: " + problem));
    deadLettered.forEach(problem -> outcome.problems.add("dead-lettered: " + problem));
    twice.forEach(key -> outcome.problems.add("alerted twice: " + key));
    lagging.forEach(group -> outcome.problems.add("stuck: " + group));
    sick.forEach(service -> outcome.problems.add("stuck: " + service));
    healedAt = null;
    return outcome;
  }

  /** The newest version of each table, as committed (for {@link #judge}). */
  Map<Workload.Table, Long> committed(Collection<Workload.Table> tables) {
    Map<Workload.Table, Long> versions = new HashMap<>();
    tables.forEach(table -> versions.put(table, workload.latestVersion(table)));
    return versions;
  }

  List<TopicRecorder.Seen> records() {
    return recorder.all();
  }

  private boolean awaitSettled(Collection<Workload.Table> batch, Instant since) {
    return awaitSettled(batch, since, committed(batch));
  }

  private boolean awaitSettled(Collection<Workload.Table> batch, Instant since, Map<Workload.Table, Long> committed) {
    Instant[] nextReport = {Instant.now().plusSeconds(60)};
    return awaitCondition(() -> {
      List<String> waiting = new ArrayList<>();
      if (!announced(committed)) {
        waiting.add("announcements");
      }
      List<String> unfinished = new Judgement(recorder.all(), since).unfinished();
      if (!unfinished.isEmpty()) {
        waiting.add(unfinished.size() + " unfinished version(s), e.g. " + unfinished.get(0));
      }
      waiting.addAll(lagging());
      waiting.addAll(sickServices());
      if (!waiting.isEmpty() && Instant.now().isAfter(nextReport[0])) {
        say("waiting for the system to settle: " + String.join("; ", waiting));
        nextReport[0] = Instant.now().plusSeconds(60);
      }
      return waiting.isEmpty();
    }, settleTimeout, Duration.ofSeconds(2));
  }

  /** Whether each table's version given, or a newer one, was announced. */
  boolean announced(Map<Workload.Table, Long> committed) {
    Map<String, Long> newest = new HashMap<>();
    for (TopicRecorder.Seen record : recorder.all()) {
      if (record.event() instanceof TableChanged changed && changed.getSourceVersion() != null) {
        newest.merge(changed.getSourceTable(), changed.getSourceVersion(), Math::max);
      }
    }
    return committed.entrySet().stream().allMatch(entry -> newest.getOrDefault(entry.getKey().qualified(), -1L) >= entry.getValue());
  }

  /**
   * Consumer groups of the services with events still to read: a committed offset at or before an event
   * on the topic. (Compared with events, not with the end offset: a transaction's commit marker takes an
   * offset no consumer commits past.)
   */
  List<String> lagging() {
    Map<TopicPartition, Long> lastEvent = new HashMap<>();
    for (TopicRecorder.Seen record : recorder.all()) {
      lastEvent.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
    }
    List<String> lagging = new ArrayList<>();
    try (Admin admin = admin()) {
      for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
        if (group.groupId().startsWith("chaos-recorder")) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
            .partitionsToOffsetAndMetadata().get();
        long behind = lastEvent.entrySet().stream().filter(entry -> committed.containsKey(entry.getKey()))
            .filter(entry -> committed.get(entry.getKey()) == null || committed.get(entry.getKey()).offset() <= entry.getValue())
            .count();
        if (behind > 0) {
          lagging.add(group.groupId() + " has events to read on " + behind + " partition(s)");
        }
      }
    } catch (Exception e) {
      lagging.add("the broker could not be asked (" + e.getMessage() + ")");
    }
    return lagging;
  }

  /** Services that are down or report work held up (every instance that runs, and always the first). */
  List<String> sickServices() {
    List<String> sick = new ArrayList<>();
    for (Component service : Component.pipelineServices()) {
      Set<Integer> instances = new TreeSet<>(stack.running(service));
      instances.add(0);
      for (int instance : instances) {
        if (!stack.healthy(service, instance)) {
          sick.add(service.id() + (instance == 0 ? "" : " #" + instance) + " is not healthy: "
              + stack.health(service, instance).orElse("no answer"));
        }
      }
    }
    return sick;
  }

  private Admin admin() {
    Map<String, Object> config = new HashMap<>(stack.settings().kafkaClient(JUDGE));
    config.putAll(Map.of("default.api.timeout.ms", 10_000, "request.timeout.ms", 5_000));
    return Admin.create(config);
  }

  /** Double clones: a promotion whose CLONE commit is on a stage table more than once. */
  Map<String, List<String>> doubleClones() {
    Map<String, List<String>> doubles = new TreeMap<>();
    for (Workload.Table table : workload.tables()) {
      for (String[] schemas : List.of(Workload.PROD, Workload.LIVE)) {
        String target = (table.pipelineOnly() ? schemas[1] : schemas[0]) + "." + table.name();
        Map<String, Integer> clones = new HashMap<>();
        for (String[] commit : workload.history(target)) {
          if ("CLONE".equals(commit[1]) && commit[2] != null && commit[2].startsWith("delta-promotion:promote:")) {
            clones.merge(commit[2], 1, Integer::sum);
          }
        }
        clones.forEach((note, count) -> {
          if (count > 1) {
            doubles.computeIfAbsent(target, key -> new ArrayList<>()).add(note + " x" + count);
          }
        });
      }
    }
    return doubles;
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String read(Path file, long from) {
    try {
      byte[] all = Files.readAllBytes(file);
      return from >= all.length ? "" : new String(all, (int) from, all.length - (int) from, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Override
  public void close() throws Exception {
    if (recorder != null) {
      recorder.close();
    }
    alerts.close();
    workload.close();
    stack.close();
  }
}
