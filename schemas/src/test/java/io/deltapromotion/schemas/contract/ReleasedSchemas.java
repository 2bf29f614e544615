package io.deltapromotion.schemas.contract;

import io.deltapromotion.schemas.topics.EventTopics;
import io.deltapromotion.schemas.topics.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released versions of each event schema, kept in {@code schemas/released/<Event>/v<N>.avsc}. A
 * version is released when a build that writes it ships; from then on every change to the event must
 * stay FULL compatible with it.
 *
 * <p>Run {@code main} to release: it writes the current schema of every event as its next version when
 * it differs from the latest released one.
 */
public final class ReleasedSchemas {

  /** Relative to the schemas module, where tests run. */
  static final Path DIRECTORY = Path.of("released");

  private ReleasedSchemas() {}

  /** Released versions of the event, oldest first. */
  static List<Schema> of(String eventName) {
    return of(DIRECTORY, eventName);
  }

  private static List<Schema> of(Path directory, String eventName) {
    Path dir = directory.resolve(eventName);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> versions = files.filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(ReleasedSchemas::versionNumber))
          .toList();
      List<Schema> schemas = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        if (versionNumber(versions.get(i)) != i + 1) {
          throw new IllegalStateException("released versions of " + eventName + " must be v1, v2, ... without gaps: "
              + versions);
        }
        schemas.add(new Schema.Parser().parse(versions.get(i).toFile()));
      }
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Argument: the released-schemas directory (schemas/released). */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    for (TopicSpec<?> topic : EventTopics.all()) {
      Schema current = topic.valueSchema();
      String name = current.getName();
      List<Schema> released = of(directory, name);
      if (!released.isEmpty() && released.get(released.size() - 1).equals(current)) {
        System.out.println(name + ": unchanged since v" + released.size());
        continue;
      }
      Path file = directory.resolve(name).resolve("v" + (released.size() + 1) + ".avsc");
      Files.createDirectories(file.getParent());
      Files.writeString(file, current.toString(true) + "\n");
      System.out.println(name + ": released " + file);
    }
  }

  private static int versionNumber(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf('.')));
  }
}
