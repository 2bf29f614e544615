package io.deltapromotion.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's TLS identity on the local stack: a self-signed certificate for 127.0.0.1, made once with
 * the JDK's keytool and kept with the broker's data. Its key store (and the password, readable by its owner
 * only) stays in the broker's directory; the certificate, which clients trust, is written in PEM next to
 * the principals' credentials.
 *
 * @param keyStore the PKCS12 key store the broker's TLS listener serves
 * @param keyStorePassword its password
 */
record BrokerTls(Path keyStore, String keyStorePassword) {

  private static final String ALIAS = "broker";
  /** keytool reads the password from the environment, so that it is not on a command line. */
  private static final String PASSWORD_VARIABLE = "BROKER_KEYSTORE_PASSWORD";

  /** The identity in the directory, made first if there is none; the certificate copied to {@code certificate}. */
  static BrokerTls ensure(Path directory, Path certificate, Path log) {
    Path keyStore = directory.resolve("broker.p12");
    Path passwordFile = directory.resolve("broker.p12.password");
    if (!Files.exists(keyStore) || !Files.exists(passwordFile)) {
      String password = PrivateFiles.newPassword();
      PrivateFiles.write(passwordFile, password);
      deleteIfExists(keyStore);
      keytool(log, password, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
          "-dname", "CN=" + StackSettings.HOST, "-ext", "SAN=ip:" + StackSettings.HOST + ",dns:localhost",
          "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE,
          "-keypass:env", PASSWORD_VARIABLE);
    }
    BrokerTls tls = new BrokerTls(keyStore, read(passwordFile));
    if (!Files.exists(certificate)) {
      keytool(log, tls.keyStorePassword(), "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(),
          "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE, "-file", certificate.toString());
    }
    return tls;
  }

  /** The broker settings that serve this identity on the named listener. */
  List<String> listenerProperties(String listener) {
    String prefix = "listener.name." + listener + ".ssl.";
    return List.of(
        prefix + "keystore.location=" + keyStore,
        prefix + "keystore.type=PKCS12",
        prefix + "keystore.password=" + keyStorePassword,
        prefix + "key.password=" + keyStorePassword);
  }

  private static void keytool(Path log, String password, String... arguments) {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put(PASSWORD_VARIABLE, password);
      Process process = builder.start();
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new StackException("keytool " + arguments[0] + " failed making the broker's TLS identity; see " + log);
      }
    } catch (IOException e) {
      throw new StackException("could not run keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while making the broker's TLS identity", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
