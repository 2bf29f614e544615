package io.deltapromotion.stack;

import java.util.Arrays;

/**
 * Runs a server's main class and exits (running its shutdown hooks) when the given parent process
 * ends. Servers a test run started are wrapped in it, so a test JVM that is killed outright leaves no
 * server behind. Servers started by {@code bin/stack} are not: they must outlive the command.
 *
 * <p>Arguments: {@code <parent-pid> <main-class> [main arguments...]}.
 */
public final class ParentWatchdog {

  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ParentWatchdog <parent-pid> <main-class> [args...]");
    }
    long parentPid = Long.parseLong(args[0]);
    ProcessHandle parent = ProcessHandle.of(parentPid)
        .orElseThrow(() -> new IllegalStateException("parent process " + parentPid + " is not running"));
    parent.onExit().thenRun(() -> {
      System.err.println("local-stack: parent process " + parentPid + " ended; shutting down");
      System.exit(0);
    });
    Class<?> mainClass = Class.forName(args[1]);
    try {
      mainClass.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
