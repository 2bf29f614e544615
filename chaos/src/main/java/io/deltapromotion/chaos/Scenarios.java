package io.deltapromotion.chaos;

import io.deltapromotion.events.PromotionDone;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.stack.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** The faults the suite injects, one scenario each. */
final class Scenarios {

  private static final Duration TRIGGER_TIMEOUT = Duration.ofMinutes(5);
  /** The line the promoter's warehouse adapter logs as it empties a target to clone onto it. */
  private static final String EMPTYING = "emptying it first";

  private Scenarios() {}

  static List<Scenario> all(Random random, boolean shortRun) {
    return List.of(
        new Scenario("kill-services", true, (run, batch) -> killServices(run, batch, random, shortRun ? 3 : 12)),
        new Scenario("broker-restart", false, Scenarios::brokerRestart),
        new Scenario("broker-freeze-45s-after-clone", false, Scenarios::brokerFreeze),
        new Scenario("registry-down-60s", false, Scenarios::registryDown),
        new Scenario("lakehouse-down-60s-qc", false, (run, batch) -> lakehouseDownDuringQc(run, batch, Duration.ofSeconds(60))),
        new Scenario("lakehouse-down-60s-clone", true, (run, batch) -> lakehouseDownDuringClone(run, batch, Duration.ofSeconds(60))),
        new Scenario("lakehouse-down-health-check", false, Scenarios::lakehouseDownDuringHealthCheck),
        new Scenario("lakehouse-down-6min", false, Scenarios::lakehouseDownLong),
        new Scenario("release-broker-stopped", false, Scenarios::releaseWithBrokerStopped),
        new Scenario("offsets-deleted", true, Scenarios::offsetsDeleted),
        new Scenario("badly-named-table", false, Scenarios::badlyNamedTable));
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

  /** A table named outside the grammar in the polled schema: skipped and reported once; the others go on. */
  private static void badlyNamedTable(ChaosRun run, List<Workload.Table> batch) throws Exception {
    run.say("creating chaos_pp.`2024_x`");
    run.workload().createBadlyNamedTable("2024_x");
    run.badOnPurpose("2024_x");
    run.healed();
    run.workload().commit(batch);
  }
}
