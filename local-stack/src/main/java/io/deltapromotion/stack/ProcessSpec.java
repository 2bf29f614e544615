package io.deltapromotion.stack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to launch one server: a JVM with a classpath, options, a main class and its arguments. */
record ProcessSpec(List<String> classpath, List<String> jvmOptions, String mainClass, List<String> arguments) {

  /** The command line; wrapped in {@link ParentWatchdog} when the server must die with a parent. */
  List<String> command(String javaExecutable, Long parentPid) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable);
    command.addAll(jvmOptions);
    command.add("-cp");
    List<String> entries = new ArrayList<>(classpath);
    if (parentPid != null) {
      entries.add(ownCodeLocation());
    }
    command.add(String.join(File.pathSeparator, entries));
    if (parentPid != null) {
      command.add(ParentWatchdog.class.getName());
      command.add(String.valueOf(parentPid));
    }
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  private static String ownCodeLocation() {
    try {
      return Path.of(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
