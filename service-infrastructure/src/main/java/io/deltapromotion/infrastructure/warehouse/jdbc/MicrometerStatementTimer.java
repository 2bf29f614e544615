package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Records each statement in the timer {@value #NAME}, tagged {@code kind} (clone, query, history, ...)
 * and {@code outcome} ({@code ok}, or {@code error} for one the warehouse refused or could not run).
 */
public final class MicrometerStatementTimer implements StatementTimer {

  public static final String NAME = "deltapromotion.warehouse.statements";

  private final MeterRegistry registry;

  public MicrometerStatementTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(StatementKind kind, long nanos, boolean succeeded) {
    Timer.builder(NAME)
        .description("Time warehouse statements took, by what they do")
        .tag("kind", kind.tag())
        .tag("outcome", succeeded ? "ok" : "error")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
