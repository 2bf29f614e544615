package io.deltapromotion.registry;

/**
 * {@code bin/registry}'s entry point ({@link RegistryCommand}): exit status 0, 1 when neither
 * registry-service nor the topics could be read, 2 for a usage error.
 */
public final class RegistryCli {

  private RegistryCli() {}

  public static void main(String[] args) {
    System.exit(RegistryCommand.run(args, System.getenv(), System.out, System.err));
  }
}
