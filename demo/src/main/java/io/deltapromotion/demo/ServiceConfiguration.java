package io.deltapromotion.demo;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the services' own settings (what to watch, the table policy, the intake token, the ladder,
 * where alerts go) where the local stack passes them on.
 */
public final class ServiceConfiguration {

  private ServiceConfiguration() {}

  /**
   * @param sourceSchema the pre-prod schema to watch (and poll), whole
   * @param targetSchema the prod schema to promote to
   * @param pipelineOnly a second source and target schema whose tables only pipeline events announce;
   *     null for none
   * @param policyYaml the table policy both the detector and QC load
   * @param intakeToken the bearer token the detector's HTTP intake accepts, and the promoter's command
   *     endpoints accept from the operator {@code demo-operator}
   * @param webhookUrl where the notifier posts alerts
   * @param reportsTable the Delta table QC appends its reports to
   */
  public static void write(StackSettings settings, String sourceSchema, String targetSchema, String[] pipelineOnly,
      String policyYaml, String intakeToken, String webhookUrl, String reportsTable) {
    Path policy = writeFile(settings.runDirectory(), "table-policies.yaml", policyYaml);
    String policyProperty = """
          policy:
            file: %s
        """.formatted(policy.toAbsolutePath());
    String pipelineOnlyWatch = pipelineOnly == null ? "" : """
              - source: %s.*
                target: %s.*
                poll: false
        """.formatted(pipelineOnly[0], pipelineOnly[1]);
    write(settings, Component.DETECTOR, """
        deltapromotion:
          detector:
            poll-interval: 2s
            watch:
              - source: %s.*
                target: %s.*
        %s    intake:
              tokens: [%s]
        %s""".formatted(sourceSchema, targetSchema, pipelineOnlyWatch, intakeToken, policyProperty));
    write(settings, Component.NOTIFIER, """
        deltapromotion:
          notifier:
            webhook-urls: [%s]
            notify-on-promoted: true
            max-attempts: 3
            watch:
              services:
                - {name: detector-service, url: "%s"}
                - {name: qc-service, url: "%s"}
                - {name: promoter-service, url: "%s"}
        """.formatted(webhookUrl, settings.endpoint(Component.DETECTOR), settings.endpoint(Component.QC),
        settings.endpoint(Component.PROMOTER)));
    write(settings, Component.QC, "deltapromotion:\n" + policyProperty + """
          qc:
            reports:
              enabled: true
              table: %s
        """.formatted(reportsTable));
    String preprod = sourceSchema + (pipelineOnly == null ? "" : ", " + pipelineOnly[0]);
    String prod = targetSchema + (pipelineOnly == null ? "" : ", " + pipelineOnly[1]);
    write(settings, Component.PROMOTER, """
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
