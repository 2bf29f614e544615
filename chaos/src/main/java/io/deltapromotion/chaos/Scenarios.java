package io.deltapromotion.chaos;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.stack.Component;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/** The faults the suite injects, one scenario each. */
final class Scenarios {

  private static final Duration TRIGGER_TIMEOUT = Duration.ofMinutes(5);
  /** The line the promoter's warehouse adapter logs as it empties a target to clone onto it. */
  private static final String EMPTYING = "emptying it first";
  /** Longer than the consumer group's session timeout (45 s by default). */
  private static final Duration ZOMBIE_FROZEN = Duration.ofSeconds(75);
  private static final Duration SOAK = Duration.ofSeconds(60);
  private static final String BASELINE = "chaos_base";

  private Scenarios() {}

  static List<Scenario> all(Random random, boolean shortRun) {
    Duration cloneOutage = Duration.ofSeconds(shortRun ? 30 : 60);
    return List.of(
        new Scenario("kill-services", true, (run, batch) -> killServices(run, batch, random, shortRun ? 3 : 12)),
        new Scenario("broker-restart", false, Scenarios::brokerRestart),
        new Scenario("broker-freeze-45s-after-clone", false, Scenarios::brokerFreeze),
        new Scenario("registry-down-60s", false, Scenarios::registryDown),
        new Scenario("lakehouse-down-60s-qc", false, (run, batch) -> lakehouseDownDuringQc(run, batch, Duration.ofSeconds(60))),
        new Scenario("lakehouse-down-" + cloneOutage.toSeconds() + "s-clone", true,
            (run, batch) -> lakehouseDownDuringClone(run, batch, cloneOutage)),
        new Scenario("lakehouse-down-health-check", false, Scenarios::lakehouseDownDuringHealthCheck),
        new Scenario("lakehouse-down-6min", false, Scenarios::lakehouseDownLong),
        new Scenario("release-broker-stopped", false, Scenarios::releaseWithBrokerStopped),
        new Scenario("offsets-deleted", true, Scenarios::offsetsDeleted),
        new Scenario("badly-named-table", false, Scenarios::badlyNamedTable),
        new Scenario("two-instances-kills", false, (run, batch) -> twoInstancesKills(run, batch, random, 12)),
        new Scenario("promoter-zombie", true, Scenarios::promoterZombie),
        new Scenario("release-rebaseline-promoters-1-3-1", false, Scenarios::releaseAndRebaselineWhileScaling),
        new Scenario("soak-ends-together-2-promoters", false, Scenarios::soakEndsTogether));
  }

  /**
   * From here on two instances of every service: a second one of each is started, then random instances
   * of random services are SIGKILLed at random moments while the batch is processed, each restarted at once.
   */
  private static void twoInstancesKills(ChaosRun run, List<Workload.Table> batch, Random random, int kills)
      throws Exception {
    Component.pipelineServices().forEach(service -> run.scale(service, 2));
    CompletableFuture<Void> writing = run.commitInBackground(batch);
    List<Component> services = List.copyOf(Component.pipelineServices());
    for (int kill = 0; kill < kills; kill++) {
      Pause.of(Duration.ofMillis(3000 + random.nextInt(7000)));
      Component victim = services.get(random.nextInt(services.size()));
      int instance = random.nextInt(2);
      run.say("SIGKILL " + victim.id() + " #" + instance);
      run.stack().kill(victim, instance);
      run.stack().start(instance, victim);
    }
    writing.get();
    run.healed();
  }

  /**
   * A promoter frozen (SIGSTOP) between the two statements of a clone (open-source Delta empties the
   * target first) for longer than its consumer group's session timeout, then thawed: its tables went to
   * the other promoter meanwhile, so it must neither write the clone nor publish the outcome.
   */
  private static void promoterZombie(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.scale(Component.PROMOTER, 2);
    CompletableFuture<Void> writing = run.commitInBackground(batch);
    int zombie = run.awaitLogLineOfAnyInstance(Component.PROMOTER, EMPTYING, TRIGGER_TIMEOUT);
    if (zombie < 0) {
      throw new IllegalStateException("no promoter emptied a target to clone onto it within " + TRIGGER_TIMEOUT);
    }
    long from = run.logSize(Component.PROMOTER, zombie);
    run.say("freezing promoter #" + zombie + " (SIGSTOP) for 75 s, in the middle of a clone, past its session timeout");
    run.stack().freeze(Component.PROMOTER, zombie);
    Pause.of(ZOMBIE_FROZEN);
    run.stack().thaw(Component.PROMOTER, zombie);
    run.healed();
    boolean fenced = run.awaitCondition(() -> run.loggedSince(Component.PROMOTER, zombie, from, "no longer this instance's")
        || run.loggedSince(Component.PROMOTER, zombie, from, "to the partition's next owner"), Duration.ofMinutes(1));
    run.say(fenced ? "the zombie was fenced: it stopped at the ownership check" : "the zombie logged no fencing");
    writing.get();
  }

  /**
   * One promoter left; the release ordered into live and a rebaseline of three tables ordered; two more
   * promoters started while they run, then stopped again (1 → 3 → 1). Every table of the release ends with
   * one outcome in live, all alike (judged like every release scenario); every rebaselined table is written
   * once into pre-prod and reaches prod with one clone.
   */
  private static void releaseAndRebaselineWhileScaling(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.scale(Component.PROMOTER, 1);
    List<String> rebaselined = List.of("rb_0", "rb_1", "rb_2");
    run.workload().createBaseline(BASELINE, rebaselined);
    if (run.workload().tables().stream().anyMatch(Workload.Table::released)) {
      run.order("promote", "{\"release\": \"" + Workload.RELEASE + "\", \"stage\": \"live\", \"reason\": \"chaos\"}");
    }
    run.order("rebaseline", "{\"from\": \"" + BASELINE + "\", \"into\": \"" + Workload.PIPED_PREPROD
        + "\", \"tag\": \"BASELINE_202611_chaos\", \"reason\": \"chaos\"}");
    run.scale(Component.PROMOTER, 3);
    run.workload().commit(batch);
    run.scale(Component.PROMOTER, 1);
    run.healed();
    for (String table : rebaselined) {
      String prod = Workload.PROD[1] + "." + table;
      if (!run.awaitCondition(() -> clones(run, prod) > 0, TRIGGER_TIMEOUT)) {
        throw new IllegalStateException("rebaselined " + table + " did not reach " + prod + " within " + TRIGGER_TIMEOUT);
      }
      long intoPreprod = clones(run, Workload.PIPED_PREPROD + "." + table);
      long intoProd = clones(run, prod);
      if (intoPreprod != 1 || intoProd != 1) {
        throw new IllegalStateException("rebaselined " + table + " was cloned " + intoPreprod + " time(s) into pre-prod and "
            + intoProd + " into prod; once each is right");
      }
    }
  }

  private static long clones(ChaosRun run, String table) {
    return run.workload().history(table).stream().filter(commit -> "CLONE".equals(commit[1])).count();
  }

  /**
   * Two promoters, and a soak time before prod: the batch is committed at once, so its versions' soak
   * times end at about the same moment, on both promoters' tables. Each version must enter prod once.
   * The soak stays configured for whatever runs after this.
   */
  private static void soakEndsTogether(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.scale(Component.PROMOTER, 2);
    run.say("restarting the promoters with a soak time of " + SOAK.toSeconds() + " s before prod");
    run.soakBeforeProd(SOAK);
    run.workload().commit(batch);
    run.healed();
  }

  /**
   * SIGKILL of each service in turn at random moments while the batch is processed; the promoter also
   * right as it empties a target for a clone (between its warehouse writes, or between the clone and the
   * publication of its outcome, by the random delay after it), and right after it published an outcome
   * (before its offset is committed). Each is restarted at once.
   */
  private static void killServices(ChaosRun run, List<Workload.Table> batch, Random random, int kills) throws Exception {
    CompletableFuture<Void> writing = run.commitInBackground(batch);
    List<Component> victims = List.of(Component.PROMOTER, Component.QC, Component.DETECTOR, Component.NOTIFIER);
    for (int kill = 0; kill < kills; kill++) {
      Component victim = victims.get(kill % victims.size());
      if (victim == Component.PROMOTER && kill % 8 == 0) {
        run.awaitLogLine(Component.PROMOTER, EMPTYING, TRIGGER_TIMEOUT);
        Pause.of(Duration.ofMillis(random.nextInt(4000)));
      } else if (victim == Component.PROMOTER) {
        run.awaitEvent(PromotionDone.class, Instant.now(), TRIGGER_TIMEOUT);
      } else {
        Pause.of(Duration.ofMillis(2000 + random.nextInt(8000)));
      }
      run.say("SIGKILL " + victim.id());
      run.stack().kill(victim);
      run.stack().start(victim);
    }
    writing.get();
    run.healed();
  }

  private static void brokerRestart(ChaosRun run, List<Workload.Table> batch) throws Exception {
    breakWhileWriting(run, batch, () -> run.awaitEvent(QcCompleted.class, Instant.now(), TRIGGER_TIMEOUT),
        "stopping the broker for 30 s, during QC", () -> run.stack().stop(Component.KAFKA), Duration.ofSeconds(30),
        () -> run.stack().start(Component.KAFKA));
  }

  private static void brokerFreeze(ChaosRun run, List<Workload.Table> batch) throws Exception {
    breakWhileWriting(run, batch, () -> run.awaitEvent(PromotionDone.class, Instant.now(), TRIGGER_TIMEOUT),
        "freezing the broker (SIGSTOP) for 45 s, right after a clone", () -> run.stack().freeze(Component.KAFKA),
        Duration.ofSeconds(45), () -> run.stack().thaw(Component.KAFKA));
  }

  private static void lakehouseDownDuringQc(ChaosRun run, List<Workload.Table> batch, Duration down) throws Exception {
    breakWhileWriting(run, batch, () -> run.awaitEvent(QcCompleted.class, Instant.now(), TRIGGER_TIMEOUT),
        "stopping the lakehouse for " + down.toSeconds() + " s, during QC", () -> run.stack().stop(Component.LAKEHOUSE),
        down, () -> run.stack().start(Component.LAKEHOUSE));
  }

  private static void lakehouseDownDuringClone(ChaosRun run, List<Workload.Table> batch, Duration down) throws Exception {
    breakWhileWriting(run, batch, () -> run.awaitLogLine(Component.PROMOTER, EMPTYING, TRIGGER_TIMEOUT),
        "stopping the lakehouse for " + down.toSeconds() + " s, during a clone", () -> run.stack().stop(Component.LAKEHOUSE),
        down, () -> run.stack().start(Component.LAKEHOUSE));
  }

  /**
   * The lakehouse down for six minutes, longer than the stall time (people are alerted, once), struck
   * while a clone is in flight (and audits with it), with the promoter restarted meanwhile so that its
   * start-up clone health check meets the outage too.
   */
  private static void lakehouseDownLong(ChaosRun run, List<Workload.Table> batch) throws Exception {
    breakWhileWriting(run, batch, () -> run.awaitLogLine(Component.PROMOTER, EMPTYING, TRIGGER_TIMEOUT),
        "stopping the lakehouse for 6 minutes, during a clone and QC, and restarting the promoter meanwhile", () -> {
          run.stack().stop(Component.LAKEHOUSE);
          run.stack().kill(Component.PROMOTER);
          new Thread(() -> run.stack().start(Component.PROMOTER), "restart-promoter").start();
        }, Duration.ofMinutes(6), () -> run.stack().start(Component.LAKEHOUSE));
  }

  /**
   * Commits the batch in the background, waits for the moment the trigger waits for, breaks something for
   * as long as the fault lasts (counted from the break), heals it and says so.
   */
  private static void breakWhileWriting(ChaosRun run, List<Workload.Table> batch, Runnable trigger, String fault,
      Runnable breakIt, Duration lasting, Runnable heal) throws Exception {
    CompletableFuture<Void> writing = run.commitInBackground(batch);
    trigger.run();
    run.say(fault);
    Instant broken = Instant.now();
    breakIt.run();
    Pause.of(lasting.minus(Duration.between(broken, Instant.now())));
    heal.run();
    run.healed();
    writing.get();
  }

  /** The registry down for 60 s, and the detector and QC restarted meanwhile (their replays must wait). */
  private static void registryDown(ChaosRun run, List<Workload.Table> batch) throws Exception {
    CompletableFuture<Void> writing = run.commitInBackground(batch);
    run.awaitEvent(QcCompleted.class, Instant.now(), TRIGGER_TIMEOUT);
    run.say("stopping the schema registry for 60 s; restarting the detector and QC meanwhile");
    Instant stopped = Instant.now();
    run.stack().stop(Component.SCHEMA_REGISTRY);
    for (Component service : List.of(Component.DETECTOR, Component.QC)) {
      run.stack().kill(service);
      new Thread(() -> run.stack().start(service), "restart-" + service.id()).start();
    }
    Pause.of(Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now())));
    run.stack().start(Component.SCHEMA_REGISTRY);
    run.healed();
    writing.get();
  }

  /** The lakehouse down while the promoter starts, so its start-up clone health check meets the outage. */
  private static void lakehouseDownDuringHealthCheck(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.workload().commit(batch);
    run.awaitEvent(PromotionDone.class, Instant.now(), TRIGGER_TIMEOUT);
    run.say("stopping the lakehouse for 60 s and restarting the promoter meanwhile (its clone health check runs at start)");
    Instant stopped = Instant.now();
    run.stack().stop(Component.LAKEHOUSE);
    run.stack().kill(Component.PROMOTER);
    new Thread(() -> run.stack().start(Component.PROMOTER), "restart-promoter").start();
    Pause.of(Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now())));
    run.stack().start(Component.LAKEHOUSE);
    run.healed();
  }

  /**
   * The release promoted into live as one unit, the broker stopped as soon as its first table is cloned;
   * every table of it must end with exactly one outcome, all of the same kind.
   */
  private static void releaseWithBrokerStopped(ChaosRun run, List<Workload.Table> batch) throws Exception {
    List<Workload.Table> release = run.workload().tables().stream().filter(Workload.Table::released).toList();
    if (release.isEmpty()) {
      run.say("no release tables in this run; skipping the release");
      return;
    }
    run.order("promote", "{\"release\": \"" + Workload.RELEASE + "\", \"stage\": \"live\", \"reason\": \"chaos\"}");
    String first = Workload.LIVE[0] + "." + release.get(0).name();
    run.awaitCondition(() -> !run.workload().history(first).isEmpty(), TRIGGER_TIMEOUT);
    run.say("stopping the broker for 30 s, after the release's first clone");
    run.stack().stop(Component.KAFKA);
    Pause.of(Duration.ofSeconds(30));
    run.stack().start(Component.KAFKA);
    run.healed();
    run.workload().commit(batch);
  }

  /** The notifier's and QC's consumer groups lose their offsets: nobody is alerted twice, nothing audited twice. */
  private static void offsetsDeleted(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.say("deleting the consumer groups of the notifier and QC");
    run.stack().stop(Component.NOTIFIER, Component.QC);
    run.deleteConsumerGroups("notifier-service", "qc-service");
    run.stack().start(Component.NOTIFIER, Component.QC);
    run.healed();
    run.workload().commit(batch);
  }

  /**
   * A table named outside the grammar in the polled schema: skipped and reported once; the others go on.
   * Two detectors run when it appears; once one reported it, that one is stopped, so the other, which was
   * running all along, takes the table over and polls the schema as its owner for two cycles (each shown
   * by announcements of the polled tables committed after the move): it must not report the table again.
   * Then back to one detector, and the pipelines' tables.
   */
  private static void badlyNamedTable(ChaosRun run, List<Workload.Table> batch) throws Exception {
    String name = "2024_x";
    run.scale(Component.DETECTOR, 2);
    String skipping = "Skipping table '" + name + "'";
    long[] from = {run.logSize(Component.DETECTOR, 0), run.logSize(Component.DETECTOR, 1)};
    run.say("creating " + Workload.PREPROD + ".`" + name + "` with two detectors running");
    run.workload().createBadlyNamedTable(name);
    run.badOnPurpose(name);
    if (!run.awaitCondition(() -> skipReports(run, name) > 0, TRIGGER_TIMEOUT)) {
      throw new IllegalStateException(name + " was not reported as skipped within " + TRIGGER_TIMEOUT);
    }
    int reporter = run.loggedSince(Component.DETECTOR, 0, from[0], skipping) ? 0 : 1;
    int heir = reporter == 0 ? 1 : 0;
    long heirFrom = run.logSize(Component.DETECTOR, heir);
    run.say("detector #" + reporter + " reported it; stopping it, so #" + heir + " owns it");
    run.stack().stop(reporter, Component.DETECTOR);
    int partition = Utils.toPositive(Utils.murmur2((Workload.PREPROD + "." + name).getBytes(StandardCharsets.UTF_8)))
        % EventTopics.PARTITIONS;
    Pattern owning = Pattern.compile("Owning partition\\(s\\) \\[[0-9, ]*\\b" + partition + "\\b[0-9, ]*\\]");
    if (!run.awaitCondition(() -> owning.matcher(run.logSince(Component.DETECTOR, heir, heirFrom)).find(), TRIGGER_TIMEOUT)) {
      throw new IllegalStateException("detector #" + heir + " did not take partition " + partition + " within " + TRIGGER_TIMEOUT);
    }
    List<Workload.Table> polled = batch.stream().filter(table -> !table.pipelineOnly()).toList();
    for (int cycle = 0; cycle < 2; cycle++) {
      run.workload().commit(polled);
      Map<Workload.Table, Long> committed = run.committed(polled);
      if (!run.awaitCondition(() -> run.announced(committed), TRIGGER_TIMEOUT)) {
        throw new IllegalStateException("detector #" + heir + " did not announce the polled tables within " + TRIGGER_TIMEOUT);
      }
    }
    run.stack().start(reporter, Component.DETECTOR);
    run.scale(Component.DETECTOR, 1);
    run.healed();
    run.workload().commit(batch.stream().filter(Workload.Table::pipelineOnly).toList());
    long reports = skipReports(run, name);
    if (reports != 1) {
      throw new IllegalStateException(name + " was reported as skipped " + reports + " times; once is right");
    }
  }

  /** The detector's reports of the table as skipped for its name, on its dead-letter topic. */
  private static long skipReports(ChaosRun run, String name) {
    return run.records().stream().filter(record -> record.isDeadLetter() && name.equals(record.key())
        && record.topic().equals(EventTopics.DETECTOR_DEAD_LETTER.name())).count();
  }
}
