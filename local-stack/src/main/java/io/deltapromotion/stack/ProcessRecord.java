package io.deltapromotion.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The PID file of a process the stack started: its PID and start time. The start time guards against
 * PID reuse, so {@code down} never signals a process it did not start.
 */
record ProcessRecord(long pid, Instant startedAt) {

  static final String FILE_NAME = "process.pid";

  static ProcessRecord of(ProcessHandle process) {
    return new ProcessRecord(process.pid(), process.info().startInstant().orElse(Instant.EPOCH));
  }

  static Optional<ProcessRecord> read(Path componentDirectory) {
    Path file = componentDirectory.resolve(FILE_NAME);
    try {
      String[] fields = Files.readString(file).trim().split("\\s+");
      return Optional.of(new ProcessRecord(Long.parseLong(fields[0]), Instant.parse(fields[1])));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("unreadable PID file " + file + ": " + e.getMessage(), e);
    }
  }

  void write(Path componentDirectory) {
    try {
      Files.writeString(componentDirectory.resolve(FILE_NAME), pid + " " + startedAt + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path componentDirectory) {
    try {
      Files.deleteIfExists(componentDirectory.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live process this record describes, if it is still the same process. */
  Optional<ProcessHandle> liveProcess() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(handle -> handle.info().startInstant().map(startedAt::equals).orElse(false));
  }
}
