package io.deltapromotion.demo;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the services' own settings (what to watch, the table policy, the intake token, the ladder,
 * where alerts, lineage and spans go) where the local stack passes them on.
 */
public final class ServiceConfiguration {

  private ServiceConfiguration() {}

  /**
   * Another pair of schemas to watch, besides the first.
   *
   * @param poll false for schemas whose tables only pipeline events announce
   */
  public record Watch(String sourceSchema, String targetSchema, boolean poll) {}

  /**
   * Where the services send what they tell the world.
   *
   * @param webhookUrl where the notifier posts alerts
   * @param lineageUrl the OpenLineage endpoint the notifier posts promotion runs to (it also writes them to
   *     the lineage topic)
   * @param tracesUrl the OTLP/HTTP trace intake every service exports its spans to
   */
  public record Receivers(String webhookUrl, String lineageUrl, String tracesUrl) {}

  /**
   * @param sourceSchema the pre-prod schema to watch (and poll), whole
   * @param targetSchema the prod schema to promote to
   * @param more other source and target schemas to watch (and promote between)
   * @param policyYaml the table policy both the detector and QC load
   * @param intakeToken the bearer token the detector's HTTP intake accepts, and the promoter's command
   *     endpoints accept from the operator {@code demo-operator}
   * @param receivers where alerts, lineage and spans go
   * @param reportsTable the Delta table QC appends its reports to
   */
  public static void write(StackSettings settings, String sourceSchema, String targetSchema, List<Watch> more,
      String policyYaml, String intakeToken, Receivers receivers, String reportsTable) {
    Path policy = writeFile(settings.runDirectory(), "table-policies.yaml", policyYaml);
    String policyProperty = """
          policy:
            file: %s
        """.formatted(policy.toAbsolutePath());
    String moreWatches = more.stream().map(watch -> """
              - source: %s.*
                target: %s.*
                poll: %s
        """.formatted(watch.sourceSchema(), watch.targetSchema(), watch.poll())).collect(Collectors.joining());
    String tracing = """
        management:
          opentelemetry:
            tracing:
              export:
                schedule-delay: 1s
                otlp:
                  endpoint: "%s"
        """.formatted(receivers.tracesUrl());
    write(settings, Component.DETECTOR, tracing + """
        deltapromotion:
          detector:
            poll-interval: 2s
            watch:
              - source: %s.*
                target: %s.*
        %s    intake:
              tokens: [%s]
        %s""".formatted(sourceSchema, targetSchema, moreWatches, intakeToken, policyProperty));
    write(settings, Component.NOTIFIER, tracing + """
        deltapromotion:
          notifier:
            webhook-urls: [%s]
            notify-on-promoted: true
            max-attempts: 3
            lineage:
              url: "%s"
              kafka: true
              dataset-namespace: delta-promotion-demo
            watch:
              services:
                - {name: detector-service, url: "%s"}
                - {name: qc-service, url: "%s"}
                - {name: promoter-service, url: "%s"}
        """.formatted(receivers.webhookUrl(), receivers.lineageUrl(), settings.endpoint(Component.DETECTOR), settings.endpoint(Component.QC),
        settings.endpoint(Component.PROMOTER)));
    write(settings, Component.QC, tracing + "deltapromotion:\n" + policyProperty + """
          qc:
            reports:
              enabled: true
              table: %s
        """.formatted(reportsTable));
    String preprod = Stream.concat(Stream.of(sourceSchema), more.stream().map(Watch::sourceSchema)).collect(Collectors.joining(", "));
    String prod = Stream.concat(Stream.of(targetSchema), more.stream().map(Watch::targetSchema)).collect(Collectors.joining(", "));
    write(settings, Component.PROMOTER, tracing + """
        deltapromotion:
          promoter:
            reevaluate-every: 2s
            stages:
              - name: preprod
                schemas: [%s]
              - name: prod
                schemas: [%s]
                approval-required: false
            commands:
              operators:
                - name: demo-operator
                  token: %s
        """.formatted(preprod, prod, intakeToken));
  }

  private static void write(StackSettings settings, Component service, String yaml) {
    writeFile(settings.componentDirectory(service), "application.yml", yaml);
  }

  private static Path writeFile(Path directory, String name, String content) {
    try {
      Path file = Files.createDirectories(directory).resolve(name);
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
