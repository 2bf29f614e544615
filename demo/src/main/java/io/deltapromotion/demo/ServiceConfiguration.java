package io.deltapromotion.demo;

import io.deltapromotion.stack.Component;
import io.deltapromotion.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the services' own settings (what to watch, where alerts go) where the local stack passes them on. */
public final class ServiceConfiguration {

  private ServiceConfiguration() {}

  /**
   * @param sourceSchema the pre-prod schema to watch, whole
   * @param targetSchema the prod schema to promote to
   * @param keyColumns "table: [columns]" lines for the detector's key-columns map
   */
  public static void write(StackSettings settings, String sourceSchema, String targetSchema, String releaseTag,
      List<String> keyColumns, String webhookUrl) {
    write(settings, Component.DETECTOR, """
        deltapromotion:
          detector:
            poll-interval: 2s
            watch:
              - source: %s.*
                target: %s.*
                release-tag: %s
                key-columns:
        %s
        """.formatted(sourceSchema, targetSchema, releaseTag,
        String.join("\n", keyColumns.stream().map(line -> "              " + line).toList())));
    write(settings, Component.NOTIFIER, """
        deltapromotion:
          notifier:
            webhook-urls: [%s]
            notify-on-promoted: true
            max-attempts: 3
        """.formatted(webhookUrl));
    write(settings, Component.QC, "");
    write(settings, Component.PROMOTER, "");
  }

  private static void write(StackSettings settings, Component service, String yaml) {
    try {
      Path dir = Files.createDirectories(settings.componentDirectory(service));
      Files.writeString(dir.resolve("application.yml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
