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
 * its own root ({@code chroot}), its own process namespace, {@code /proc} and {@code /dev}, the image's user,
 * entrypoint and environment, and an {@code /etc/hosts} naming the host. The network is the host's, so the stack's
 * servers on 127.0.0.1 are reachable. Needs root; stopped by the PIDs it started.
 */
final class ChrootContainer implements AutoCloseable {

  private final Process process;

  private ChrootContainer(Process process) {
    this.process = process;
  }

  static ChrootContainer start(Path root, ImageTarball image, Map<String, String> environment, Path log)
      throws IOException {
    return start(root, image, image.command(), environment, log);
  }

  /** Starts the image with other arguments than its own, as {@code docker run <image> <arguments>} does. */
  static ChrootContainer start(Path root, ImageTarball image, List<String> arguments, Map<String, String> environment,
      Path log) throws IOException {
    List<String> command = new ArrayList<>(image.entrypoint());
    command.addAll(arguments);
    return new ChrootContainer(inContainer(root, image, command, environment).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start());
  }

  /**
   * Runs a command in the container's file system, as {@code docker exec} (or a health check) does;
   * returns its exit status.
   */
  static int exec(Path root, ImageTarball image, List<String> command, Path log)
      throws IOException, InterruptedException {
    Process process = inContainer(root, image, command, Map.of()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private static ProcessBuilder inContainer(Path root, ImageTarball image, List<String> command,
      Map<String, String> environment) throws IOException {
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    // As a runtime does: the container's host name (here the host's, the namespace being shared) resolves.
    String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost " + hostname + "\n");
    // The host's /dev bound into the container's mount namespace (gone with it), as a runtime provides one.
    List<String> line = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
        "--kill-child", "--mount-proc=" + root.resolve("proc"), "/bin/sh", "-c",
        "mount --rbind /dev \"$1/dev\" && root=\"$1\" && shift && exec /usr/sbin/chroot --userspec=\"$0\" \"$root\" \"$@\"",
        image.user() + ":" + image.user(), root.toString()));
    line.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().clear();
    for (String variable : image.environment()) {
      int equals = variable.indexOf('=');
      builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
    }
    builder.environment().putAll(environment);
    return builder;
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
