package io.deltapromotion.chaos;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The services' settings for the suite: what the detector watches (a polled schema and a pipeline-only
 * one), the table policy, a three-stage ladder (pre-prod, prod with no gate, live behind an approval), the
 * operator and pipeline token, where alerts go, and the notifier's outage watch over the other three.
 * The release registry table is off: it copies outcomes, which the suite judges on the topics, and the
 * lakehouse's two cores are better spent on the promotions. The detector's polls and the promoter's clone
 * health checks read every table, so their intervals grow with the number of tables: at 100 tables, a
 * 5-second poll became history reads of every table without a pause.
 */
final class ServiceSettings {

  static final String OPERATOR = "chaos-operator";

  private ServiceSettings() {}

  /** Half a second per table, at least five seconds. */
  static Duration pollInterval(int tables) {
    return max(Duration.ofSeconds(5), Duration.ofMillis(500L * tables));
  }

  /** Six seconds per table, at least three minutes. */
  static Duration cloneHealthEvery(int tables) {
    return max(Duration.ofMinutes(3), Duration.ofSeconds(6L * tables));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static void write(ChaosStack stack, List<Workload.Table> tables, String token, String webhookUrl) {
    write(stack, tables, token, webhookUrl, Duration.ZERO);
  }

  /** @param prodSoak how long a version stays in pre-prod before it may enter prod */
  static void write(ChaosStack stack, List<Workload.Table> tables, String token, String webhookUrl, Duration prodSoak) {
    StackSettings settings = stack.settings();
    Path policy = settings.runDirectory().resolve("table-policies.yaml");
    String release = tables.stream().filter(Workload.Table::released).map(Workload.Table::qualified)
        .collect(Collectors.joining(", "));
    writeFile(policy, """
        defaults:
          drift: {warn-above: none, fail-above: none}
        tables:
          - match: %s.*
            key-columns: [id]
          - match: %s.*
            key-columns: [id]
        %s""".formatted(Workload.PREPROD, Workload.PIPED_PREPROD,
        release.isEmpty() ? "" : "releases:\n  " + Workload.RELEASE + ": [" + release + "]\n"));
    String common = """
        deltapromotion:
          events:
            retry-max-backoff: 10s
        """;
    stack.configure(Component.DETECTOR, common + """
          policy:
            file: %s
          detector:
            poll-interval: %ds
            max-backoff: 30s
            watch:
              - source: %s.*
                target: %s.*
              - source: %s.*
                target: %s.*
                poll: false
            intake:
              tokens: [%s]
        """.formatted(policy, pollInterval(tables.size()).toSeconds(), Workload.PREPROD, Workload.PROD[0],
        Workload.PIPED_PREPROD, Workload.PROD[1], token));
    stack.configure(Component.QC, common + """
          policy:
            file: %s
        """.formatted(policy));
    stack.configure(Component.PROMOTER, common + """
          promoter:
            reevaluate-every: 10s
            clone-health:
              every: %ds
            release-registry:
              enabled: false
            stages:
              - name: preprod
                schemas: [%s, %s]
              - name: prod
                schemas: [%s, %s]
                approval-required: false
                min-soak: %ds
              - name: live
                schemas: [%s, %s]
                approval-required: true
            commands:
              operators:
                - name: %s
                  token: %s
        """.formatted(cloneHealthEvery(tables.size()).toSeconds(), Workload.PREPROD, Workload.PIPED_PREPROD,
        Workload.PROD[0], Workload.PROD[1], prodSoak.toSeconds(), Workload.LIVE[0],
        Workload.LIVE[1], OPERATOR, token));
    stack.configure(Component.NOTIFIER, common + """
          notifier:
            webhook-urls: [%s]
            max-attempts: 3
            watch:
              every: 5s
              held-up-alert-after: 3m
              services:
                - {name: detector-service, url: "%s"}
                - {name: qc-service, url: "%s"}
                - {name: promoter-service, url: "%s"}
        """.formatted(webhookUrl, settings.endpoint(Component.DETECTOR), settings.endpoint(Component.QC),
        settings.endpoint(Component.PROMOTER)));
  }

  private static void writeFile(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
