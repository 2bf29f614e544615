package io.deltapromotion.infrastructure.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * A service's own periodic work that must know the event log first: starts before the listener
 * containers, replays what it needs to the end, then runs its work on threads of its own (one unless
 * told otherwise: a task never overlaps itself; with more threads, different tasks run side by side)
 * until the service stops. Subclasses say what to replay and schedule the work.
 */
public abstract class ReplayThenSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReplayThenSchedule.class);

  /** The phase of work that replays topics: just before the listener containers. */
  public static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 100;

  private final String threadName;
  private final int threads;
  private final AtomicInteger started = new AtomicInteger();
  private ScheduledExecutorService scheduler;

  protected ReplayThenSchedule(String threadName) {
    this(threadName, 1);
  }

  protected ReplayThenSchedule(String threadName, int threads) {
    this.threadName = threadName;
    this.threads = threads;
  }

  /** Reads the topics this work depends on to their end. */
  protected abstract void replay();

  /** Schedules the first run(s), e.g. with {@link #schedule}. */
  protected abstract void begin();

  @Override
  public final synchronized void start() {
    replay();
    scheduler = Executors.newScheduledThreadPool(threads,
        runnable -> new Thread(runnable, threads == 1 ? threadName : threadName + "-" + started.incrementAndGet()));
    begin();
  }

  /** Runs the task once after the delay, unless the service is stopping. */
  protected final synchronized void schedule(Runnable task, Duration delay) {
    if (scheduler != null) {
      scheduler.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs the task now and then again each time the delay has passed after a run, until the service stops. */
  protected final synchronized void scheduleRepeatedly(Runnable task, Duration delay) {
    if (scheduler != null) {
      scheduler.scheduleWithFixedDelay(guarded(task), 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A task that fails is logged: an executor would otherwise drop a repeated task at its first exception, silently. */
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("{}: a scheduled run failed; the schedule goes on", threadName, e);
      }
    };
  }

  @Override
  public final void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = scheduler;
      scheduler = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      try {
        stopping.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public final synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** Before the listener containers, so no event is handled before the replay. */
  @Override
  public final int getPhase() {
    return PHASE;
  }
}
