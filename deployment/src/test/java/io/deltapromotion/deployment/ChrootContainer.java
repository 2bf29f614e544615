package io.deltapromotion.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an unpacked image the way a container runtime would, as far as matters to a JVM, without one:
 * its own root ({@code chroot}), its own process namespace and {@code /proc}, the image's user,
 * entrypoint and environment, and an {@code /etc/hosts}. The network is the host's, so the stack's
 * servers on 127.0.0.1 are reachable. Needs root; stopped by the PIDs it started.
 */
final class ChrootContainer implements AutoCloseable {

  private final Process process;

  private ChrootContainer(Process process) {
    this.process = process;
  }

  static ChrootContainer start(Path root, ImageTarball image, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
        "--kill-child", "--mount-proc=" + root.resolve("proc"), "/usr/sbin/chroot",
        "--userspec=" + image.user() + ":" + image.user(), root.toString()));
    command.addAll(image.entrypoint());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().clear();
    for (String variable : image.environment()) {
      int equals = variable.indexOf('=');
      builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
    }
    builder.environment().putAll(environment);
    return new ChrootContainer(builder.start());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM to the JVM inside, as {@code docker stop} does, then to the namespace's first process. */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
